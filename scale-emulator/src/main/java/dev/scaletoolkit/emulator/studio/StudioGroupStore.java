package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/** The only code that reads or writes {@code studio_groups}; a group's {@code doc} is its wire JSON. */
final class StudioGroupStore {
    private StudioGroupStore() {}

    /** The project's groups in the order they were made. */
    static List<ObjectNode> all(Handle h, Caller caller, String project) {
        return h.createQuery("SELECT doc FROM studio_groups WHERE account_id = :a AND test_mode = :m"
                        + " AND project = :p ORDER BY created_at, name")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("p", project)
                .mapTo(String.class)
                .map(Docs::read)
                .list();
    }

    static void insert(Handle h, Caller caller, String project, ObjectNode group, String now) {
        h.createUpdate("INSERT INTO studio_groups (id, account_id, test_mode, project, name, created_at, doc)"
                        + " VALUES (:id, :a, :m, :p, :n, :now, :doc)")
                .bind("id", group.path("id").asString())
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("p", project)
                .bind("n", group.path("name").asString())
                .bind("now", now)
                .bind("doc", Docs.write(group))
                .execute();
    }

    static void update(Handle h, ObjectNode group) {
        h.createUpdate("UPDATE studio_groups SET doc = :doc WHERE id = :id")
                .bind("doc", Docs.write(group))
                .bind("id", group.path("id").asString())
                .execute();
    }
}
