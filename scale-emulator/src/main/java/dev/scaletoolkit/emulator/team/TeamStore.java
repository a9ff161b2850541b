package dev.scaletoolkit.emulator.team;

import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/** The only code that reads or writes the {@code team_members} table. */
public final class TeamStore {
    private TeamStore() {}

    /** Every member of the account, owner first, then in the order they joined or were invited. */
    public static List<Teammates.Member> all(Handle h, String accountId) {
        return h.createQuery("SELECT email, role, state, doc FROM team_members WHERE account_id = :a"
                        + " ORDER BY created_at, email")
                .bind("a", accountId)
                .map((rs, ctx) -> new Teammates.Member(
                        rs.getString("email"),
                        rs.getString("role"),
                        rs.getString("state"),
                        Docs.read(rs.getString("doc"))))
                .list();
    }

    /** Emails of the account's active members with {@code role}, in order. */
    public static List<String> activeEmails(Handle h, String accountId, String role) {
        return h.createQuery("SELECT email FROM team_members WHERE account_id = :a AND role = :role"
                        + " AND state = 'active' ORDER BY email")
                .bind("a", accountId)
                .bind("role", role)
                .mapTo(String.class)
                .list();
    }

    public static void insert(
            Handle h, String accountId, String email, String role, String state, String now, ObjectNode doc) {
        h.createUpdate("INSERT INTO team_members (account_id, email, role, state, created_at, doc)"
                        + " VALUES (:a, :email, :role, :state, :now, :doc)")
                .bind("a", accountId)
                .bind("email", email)
                .bind("role", role)
                .bind("state", state)
                .bind("now", now)
                .bind("doc", Docs.write(doc))
                .execute();
    }

    static void update(Handle h, String accountId, String email, String role, String state, ObjectNode doc) {
        h.createUpdate("UPDATE team_members SET role = :role, state = :state, doc = :doc"
                        + " WHERE account_id = :a AND email = :email")
                .bind("role", role)
                .bind("state", state)
                .bind("doc", Docs.write(doc))
                .bind("a", accountId)
                .bind("email", email)
                .execute();
    }
}
