package dev.scaletoolkit.client.bulk;

/**
 * What became of one input item.
 *
 * @param index position in the input (0-based)
 * @param outcome created now, found already created (by unique_id), done in an earlier run, or failed
 * @param taskId the task's id, when there is a task
 * @param uniqueId the unique_id the item was sent with
 * @param error why it failed, or null
 */
public record BulkItemResult(int index, Outcome outcome, String taskId, String uniqueId, String error) {
    /** The possible outcomes. */
    public enum Outcome {
        CREATED,
        ALREADY_EXISTED,
        DONE_IN_EARLIER_RUN,
        FAILED
    }

    /**
     * Whether the item has a task (made now, found, or made in an earlier run).
     *
     * @return false only for {@link Outcome#FAILED}
     */
    public boolean succeeded() {
        return outcome != Outcome.FAILED;
    }
}
