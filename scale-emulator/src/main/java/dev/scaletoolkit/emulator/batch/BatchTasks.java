package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.auth.Caller;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a batch needs to know about its tasks. Batches sit below tasks (a task joins and leaves its batch through
 * {@link BatchSettlement}), so the task package implements this and boot hands it in: the dependency points one way.
 */
public interface BatchTasks {
    /** Whether {@code batch} holds at least one task, in any status. */
    boolean anyIn(Handle h, Caller owner, String batch);

    /** How many of the batch's tasks are in each status; statuses without tasks are left out. */
    Map<String, Integer> countsIn(Handle h, Caller owner, String batch);
}
