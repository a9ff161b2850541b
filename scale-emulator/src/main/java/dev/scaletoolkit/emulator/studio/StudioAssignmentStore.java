package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.store.Streamed;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The only code that reads or writes {@code studio_assignments}: which teammate works on which Studio project. */
final class StudioAssignmentStore {
    private StudioAssignmentStore() {}

    /** Hands the member's projects in the caller's mode to {@code each}, alphabetical, one row at a time. */
    static int forEachProject(Handle h, Caller caller, String email, int max, Consumer<String> each) {
        Query q = h.createQuery("SELECT project FROM studio_assignments WHERE account_id = :a AND test_mode = :m"
                        + " AND email = :e ORDER BY project")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("e", email);
        return Streamed.forEach(h, q, query -> query.mapTo(String.class), max, each);
    }

    /** Assigns the project to the member unless they have it already. */
    static void add(Handle h, Caller caller, String email, String project, String now) {
        boolean present = h.createQuery("SELECT COUNT(*) FROM studio_assignments WHERE account_id = :a"
                                + " AND test_mode = :m AND email = :e AND project = :p")
                        .bind("a", caller.accountId())
                        .bind("m", caller.mode())
                        .bind("e", email)
                        .bind("p", project)
                        .mapTo(Integer.class)
                        .one()
                > 0;
        if (!present) {
            h.createUpdate("INSERT INTO studio_assignments (account_id, test_mode, email, project, created_at)"
                            + " VALUES (:a, :m, :e, :p, :now)")
                    .bind("a", caller.accountId())
                    .bind("m", caller.mode())
                    .bind("e", email)
                    .bind("p", project)
                    .bind("now", now)
                    .execute();
        }
    }

    /** Takes one project from the member. */
    static void remove(Handle h, Caller caller, String email, String project) {
        h.createUpdate("DELETE FROM studio_assignments WHERE account_id = :a AND test_mode = :m"
                        + " AND email = :e AND project = :p")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("e", email)
                .bind("p", project)
                .execute();
    }

    /** Takes every project from the member. */
    static void removeAll(Handle h, Caller caller, String email) {
        h.createUpdate("DELETE FROM studio_assignments WHERE account_id = :a AND test_mode = :m AND email = :e")
                .bind("a", caller.accountId())
                .bind("m", caller.mode())
                .bind("e", email)
                .execute();
    }
}
