package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.batch.BatchTasks;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The tasks of a batch as the batch package asks for them, answered from {@link TaskStore}. */
public final class TaskCounts implements BatchTasks {
    @Override
    public boolean anyIn(Handle h, Caller owner, String batch) {
        return TaskStore.anyInBatch(h, owner, batch);
    }

    @Override
    public Map<String, Integer> countsIn(Handle h, Caller owner, String batch) {
        return TaskStore.countsInBatch(h, owner, batch);
    }
}
