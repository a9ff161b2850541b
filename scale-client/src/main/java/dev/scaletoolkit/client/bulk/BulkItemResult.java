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
        /** The task was created by this run. */
        CREATED,
        /** Scale already had a task with this unique_id (a 409), which is returned. */
        ALREADY_EXISTED,
        /** The checkpoint shows the item finished in an earlier run; nothing was sent. */
        DONE_IN_EARLIER_RUN,
        /** No task: see the error. */
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
