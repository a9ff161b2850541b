package dev.scaletoolkit.tools.workflow;

import static dev.scaletoolkit.tools.backend.ScaleRequest.segment;

import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.Shapes;
import dev.scaletoolkit.tools.ToolCall;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bounded polling: wait for a task to leave {@code pending}, or for a batch to have no pending tasks. A wait that
 * runs out of time is not an error; the answer says {@code finished: false} with the latest state.
 */
public final class WaitTools {
    private WaitTools() {}

    public static void register(HandlerTable table) {
        table.add("SCALE_AI_WAIT_FOR_TASK", WaitTools::waitForTask)
                .add("SCALE_AI_WAIT_FOR_BATCH", WaitTools::waitForBatch);
    }

    // polls GET /v1/task/{task_id}
    static JsonNode waitForTask(ToolCall call) {
        Poll poll = new Poll(call.number("timeout_seconds", 60), call.number("poll_interval_seconds", 2));
        String path = "/task/" + segment(call.string("task_id"));
        while (true) {
            JsonNode task = call.send(ScaleRequest.get(path));
            String status = task.path("status").asString("");
            boolean finished = !status.isEmpty() && !"pending".equals(status);
            call.progress()
                    .onProgress(
                            finished ? poll.timeout() : Math.min(poll.elapsed(), poll.timeout()),
                            poll.timeout(),
                            "task " + call.string("task_id") + " is " + status);
            if (finished || !poll.sleep()) {
                return result(finished, poll, "task", task);
            }
        }
    }

    // polls GET /v1/batches/{batch_name}/status
    static JsonNode waitForBatch(ToolCall call) {
        Poll poll = new Poll(call.number("timeout_seconds", 120), call.number("poll_interval_seconds", 2));
        String path = "/batches/" + segment(call.string("batch_name")) + "/status";
        while (true) {
            JsonNode status = call.send(ScaleRequest.get(path));
            long pending = status.path("pending").asLong(0);
            long done = status.path("completed").asLong(0)
                    + status.path("error").asLong(0)
                    + status.path("canceled").asLong(0);
            boolean finished = "completed".equals(status.path("status").asString("")) || (pending == 0 && done > 0);
            call.progress()
                    .onProgress(
                            done,
                            (double) (done + pending),
                            "batch " + call.string("batch_name") + ": " + done + " of " + (done + pending)
                                    + " tasks done");
            if (finished || !poll.sleep()) {
                return result(finished, poll, "status", status);
            }
        }
    }

    private static ObjectNode result(boolean finished, Poll poll, String key, JsonNode value) {
        ObjectNode out = Shapes.object().put("finished", finished).put("waited_seconds", poll.elapsed());
        out.set(key, value);
        return out;
    }

    /** Elapsed time and the sleeping between polls, bounded by the caller's timeout. */
    private static final class Poll {
        private final long start = System.nanoTime();
        private final double timeoutSeconds;
        private final long intervalMillis;

        Poll(double timeoutSeconds, double intervalSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            this.intervalMillis = Math.max(100, Math.round(intervalSeconds * 1000));
        }

        double timeout() {
            return timeoutSeconds;
        }

        double elapsed() {
            return Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
        }

        /** Sleeps one interval; false when that would pass the deadline or the thread is interrupted. */
        boolean sleep() {
            double left = timeoutSeconds - elapsed();
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.min(intervalMillis, Math.round(left * 1000)));
                return true; // poll once more at the deadline so the answer carries the latest state
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
