package dev.scaletoolkit.client.callback;

import dev.scaletoolkit.model.batch.BatchCallback;
import dev.scaletoolkit.model.task.TaskCallback;

/**
 * One callback from Scale: about a task (completed, errored, audited) or about a batch (completed). Switch on the
 * two record types:
 *
 * <pre>{@code
 * switch (event) {
 *     case CallbackEvent.TaskEvent t -> save(t.callback().taskId());
 *     case CallbackEvent.BatchEvent b -> close(b.callback().name());
 * }
 * }</pre>
 * (on Java 17, use {@code instanceof}).
 */
public sealed interface CallbackEvent {
    /**
     * What this event is about, for logs and deduplication: the task id or the batch name.
     *
     * @return the id of the task or the name of the batch
     */
    String subject();

    /**
     * The status the callback reports.
     *
     * @return the status value, empty when the body carries none
     */
    String status();

    /**
     * A task's callback.
     *
     * @param callback the parsed body
     */
    record TaskEvent(TaskCallback callback) implements CallbackEvent {
        @Override
        public String subject() {
            return callback.taskId() != null
                    ? callback.taskId()
                    : callback.task().taskId();
        }

        @Override
        public String status() {
            if (callback.status() != null) {
                return callback.status().value();
            }
            return callback.task() != null && callback.task().status() != null
                    ? callback.task().status().value()
                    : "";
        }
    }

    /**
     * A batch's callback.
     *
     * @param callback the parsed body
     */
    record BatchEvent(BatchCallback callback) implements CallbackEvent {
        @Override
        public String subject() {
            return callback.name();
        }

        @Override
        public String status() {
            if (callback.status() != null) {
                return callback.status().value();
            }
            return callback.batch() != null && callback.batch().status() != null
                    ? callback.batch().status().value()
                    : "";
        }
    }
}
