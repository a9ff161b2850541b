package dev.scaletoolkit.emulator.studio;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes {@code studio_drafts}: one person's unfinished answer to one task. */
final class DraftStore {
    private DraftStore() {}

    static void save(Handle h, String accountId, String taskId, String email, String draft, String now) {
        h.createUpdate("INSERT INTO studio_drafts (task_id, email, account_id, draft, saved_at)"
                        + " VALUES (:t, :e, :a, :d, :now)"
                        + " ON CONFLICT (task_id, email) DO UPDATE SET draft = excluded.draft,"
                        + " saved_at = excluded.saved_at")
                .bind("t", taskId)
                .bind("e", email)
                .bind("a", accountId)
                .bind("d", draft)
                .bind("now", now)
                .execute();
    }

    static Optional<Drafts.Draft> find(Handle h, String accountId, String taskId, String email) {
        return h.createQuery("SELECT draft, saved_at FROM studio_drafts WHERE task_id = :t AND email = :e"
                        + " AND account_id = :a")
                .bind("t", taskId)
                .bind("e", email)
                .bind("a", accountId)
                .map((rs, c) -> new Drafts.Draft(rs.getString("draft"), rs.getString("saved_at")))
                .findOne();
    }

    static void delete(Handle h, String taskId, String email) {
        h.createUpdate("DELETE FROM studio_drafts WHERE task_id = :t AND email = :e")
                .bind("t", taskId)
                .bind("e", email)
                .execute();
    }
}
