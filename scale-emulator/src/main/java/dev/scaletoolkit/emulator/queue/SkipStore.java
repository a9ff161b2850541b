package dev.scaletoolkit.emulator.queue;

import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** All SQL of {@code ui_skips}: the tasks each labeler put aside. */
final class SkipStore {
    private SkipStore() {}

    static void add(Handle h, String accountId, String email, String taskId, String now) {
        h.createUpdate("DELETE FROM ui_skips WHERE account_id = :a AND email = :e AND task_id = :t")
                .bind("a", accountId)
                .bind("e", email)
                .bind("t", taskId)
                .execute();
        h.createUpdate("INSERT INTO ui_skips (account_id, email, task_id, skipped_at) VALUES (:a, :e, :t, :now)")
                .bind("a", accountId)
                .bind("e", email)
                .bind("t", taskId)
                .bind("now", now)
                .execute();
    }

    static Set<String> of(Handle h, String accountId, String email) {
        return new TreeSet<>(h.createQuery("SELECT task_id FROM ui_skips WHERE account_id = :a AND email = :e")
                .bind("a", accountId)
                .bind("e", email)
                .mapTo(String.class)
                .list());
    }

    static void clear(Handle h, String accountId, String email) {
        h.createUpdate("DELETE FROM ui_skips WHERE account_id = :a AND email = :e")
                .bind("a", accountId)
                .bind("e", email)
                .execute();
    }
}
