package dev.scaletoolkit.emulator.team;

import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.Streamed;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
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

    /**
     * Hands each member's stored JSON to {@code each}, owner first, then in the order they joined or were invited,
     * one row at a time (never the whole team in memory); stops after {@code max}. Returns how many.
     */
    public static int forEachDoc(Handle h, String accountId, int max, Consumer<String> each) {
        Query q = h.createQuery("SELECT doc FROM team_members WHERE account_id = :a ORDER BY created_at, email")
                .bind("a", accountId);
        return Streamed.forEach(h, q, query -> query.mapTo(String.class), max, each);
    }

    /** Hands each active member's email to {@code each}, in team order, one row at a time; stops after {@code max}. */
    public static int forEachActiveEmail(Handle h, String accountId, int max, Consumer<String> each) {
        Query q = h.createQuery("SELECT email FROM team_members WHERE account_id = :a AND state = 'active'"
                        + " ORDER BY created_at, email")
                .bind("a", accountId);
        return Streamed.forEach(h, q, query -> query.mapTo(String.class), max, each);
    }

    /** The member whose email equals {@code normalized} (trimmed, lower case) without case, if any. */
    public static Optional<Teammates.Member> find(Handle h, String accountId, String normalized) {
        return h.createQuery("SELECT email, role, state, doc FROM team_members WHERE account_id = :a"
                        + " AND LOWER(email) = :e ORDER BY created_at, email")
                .bind("a", accountId)
                .bind("e", normalized)
                .setMaxRows(1)
                .map((rs, ctx) -> new Teammates.Member(
                        rs.getString("email"),
                        rs.getString("role"),
                        rs.getString("state"),
                        Docs.read(rs.getString("doc"))))
                .findFirst();
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
