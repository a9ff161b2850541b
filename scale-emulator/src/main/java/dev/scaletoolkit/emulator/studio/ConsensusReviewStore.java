package dev.scaletoolkit.emulator.studio;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The only code that reads or writes {@code studio_consensus_reviews}: a consensus task whose answers are all in,
 * its agreement score and what became of it.
 */
final class ConsensusReviewStore {
    private ConsensusReviewStore() {}

    private static final String COLUMNS =
            "task_id, account_id, score, threshold, answers, state, chosen, decided_by, decided_at, created_at";

    static void insert(Handle h, Consensus.Review r) {
        h.createUpdate("INSERT INTO studio_consensus_reviews (" + COLUMNS + ") VALUES (:t, :a, :score, :threshold,"
                        + " :answers, :state, :chosen, :by, :at, :created)")
                .bind("t", r.taskId())
                .bind("a", r.accountId())
                .bind("score", r.score())
                .bind("threshold", r.threshold())
                .bind("answers", r.answers())
                .bind("state", r.state().name())
                .bind("chosen", r.chosen().orElse(null))
                .bind("by", r.decidedBy().orElse(null))
                .bind("at", r.decidedAt().orElse(null))
                .bind("created", r.createdAt())
                .execute();
    }

    static Optional<Consensus.Review> find(Handle h, String accountId, String taskId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_consensus_reviews WHERE task_id = :t"
                        + " AND account_id = :a")
                .bind("t", taskId)
                .bind("a", accountId)
                .map((rs, c) -> review(rs))
                .findOne();
    }

    /** Tasks waiting for a manager's decision, oldest first. */
    static List<Consensus.Review> waiting(Handle h, String accountId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_consensus_reviews WHERE account_id = :a"
                        + " AND state = 'REVIEW' ORDER BY created_at, task_id")
                .bind("a", accountId)
                .map((rs, c) -> review(rs))
                .list();
    }

    /** Recently decided tasks (by a manager or on their own), newest first. */
    static List<Consensus.Review> decided(Handle h, String accountId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM studio_consensus_reviews WHERE account_id = :a"
                        + " AND state <> 'REVIEW' ORDER BY decided_at DESC, task_id LIMIT :n")
                .bind("a", accountId)
                .bind("n", limit)
                .map((rs, c) -> review(rs))
                .list();
    }

    /** Records the decision if the task still waits for one; false when someone decided first. */
    static boolean decide(Handle h, String taskId, Consensus.State state, String chosen, String by, String at) {
        return h.createUpdate("UPDATE studio_consensus_reviews SET state = :s, chosen = :c, decided_by = :by,"
                                + " decided_at = :at WHERE task_id = :t AND state = 'REVIEW'")
                        .bind("s", state.name())
                        .bind("c", chosen)
                        .bind("by", by)
                        .bind("at", at)
                        .bind("t", taskId)
                        .execute()
                > 0;
    }

    private static Consensus.Review review(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Consensus.Review(
                rs.getString("task_id"),
                rs.getString("account_id"),
                rs.getDouble("score"),
                rs.getDouble("threshold"),
                rs.getInt("answers"),
                Consensus.State.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("chosen")),
                Optional.ofNullable(rs.getString("decided_by")),
                Optional.ofNullable(rs.getString("decided_at")),
                rs.getString("created_at"));
    }
}
