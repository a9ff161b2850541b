package dev.scaletoolkit.emulator.studio;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The only code that reads or writes {@code studio_consensus_answers}: each person's answer to a consensus task. */
final class ConsensusAnswerStore {
    private ConsensusAnswerStore() {}

    /** Keeps the answer; false when this person already answered the task. */
    static boolean insert(
            Handle h, String accountId, String taskId, String email, String response, String at, int required) {
        return h.createUpdate("INSERT INTO studio_consensus_answers (task_id, email, account_id, response, answered_at,"
                                + " required) VALUES (:t, :e, :a, :r, :at, :n) ON CONFLICT (task_id, email) DO NOTHING")
                        .bind("n", required)
                        .bind("t", taskId)
                        .bind("e", email)
                        .bind("a", accountId)
                        .bind("r", response)
                        .bind("at", at)
                        .execute()
                > 0;
    }

    /** The task's answers in the order they came in. */
    static List<Consensus.Answer> of(Handle h, String accountId, String taskId) {
        return h.createQuery("SELECT email, response, answered_at FROM studio_consensus_answers"
                        + " WHERE task_id = :t AND account_id = :a ORDER BY answered_at, email")
                .bind("t", taskId)
                .bind("a", accountId)
                .map((rs, c) -> new Consensus.Answer(
                        rs.getString("email"),
                        dev.scaletoolkit.emulator.store.Docs.read(rs.getString("response")),
                        rs.getString("answered_at")))
                .list();
    }

    /** The account of a task someone answered, if anyone did. */
    static java.util.Optional<String> accountOf(Handle h, String taskId) {
        return h.createQuery("SELECT account_id FROM studio_consensus_answers WHERE task_id = :t LIMIT 1")
                .bind("t", taskId)
                .mapTo(String.class)
                .findOne();
    }

    /** How many people the task needed when its first answer came in, if it has one that says. */
    static java.util.Optional<Integer> required(Handle h, String taskId) {
        return h.createQuery("SELECT required FROM studio_consensus_answers WHERE task_id = :t AND required IS NOT NULL"
                        + " ORDER BY answered_at, email LIMIT 1")
                .bind("t", taskId)
                .mapTo(Integer.class)
                .findOne();
    }

    static int count(Handle h, String taskId) {
        return h.createQuery("SELECT COUNT(*) FROM studio_consensus_answers WHERE task_id = :t")
                .bind("t", taskId)
                .mapTo(Integer.class)
                .one();
    }

    static boolean has(Handle h, String accountId, String taskId, String email) {
        return h.createQuery("SELECT COUNT(*) FROM studio_consensus_answers WHERE task_id = :t AND email = :e"
                                + " AND account_id = :a")
                        .bind("t", taskId)
                        .bind("e", email)
                        .bind("a", accountId)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /**
     * The tasks {@code email} answered in the account that are not decided yet (a decided task is an ordinary
     * completed task again: a reject may send it back to them). Reads the decision's state in the same statement.
     */
    static List<String> answeredBy(Handle h, String accountId, String email) {
        return h.createQuery("SELECT a.task_id FROM studio_consensus_answers a WHERE a.account_id = :a"
                        + " AND a.email = :e AND NOT EXISTS (SELECT 1 FROM studio_consensus_reviews r"
                        + " WHERE r.task_id = a.task_id AND r.state <> 'REVIEW')")
                .bind("a", accountId)
                .bind("e", email)
                .mapTo(String.class)
                .list();
    }
}
