package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.project.ConsensusSettings;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.task.TaskAccess;
import org.jdbi.v3.core.Handle;

/**
 * How many people a task goes to: its project's current {@code labelers_per_task} (the Studio UI works in the live
 * world) until its first answer, then the number it had at that answer. A task outside any project, or one that is
 * gone, has one seat.
 */
final class Seats {
    private Seats() {}

    static ConsensusSettings of(Handle h, String accountId, String taskId) {
        Caller caller = new Caller(accountId, false);
        ConsensusSettings project = TaskAccess.find(h, caller, taskId)
                .map(t -> t.path("project").asString(""))
                .filter(p -> !p.isEmpty())
                .flatMap(p -> ProjectStore.find(h, caller, p))
                .map(ConsensusSettings::of)
                .orElse(ConsensusSettings.NONE);
        // Once someone answered, the task keeps the number of labelers it had then.
        return ConsensusAnswerStore.required(h, taskId)
                .map(n -> new ConsensusSettings(n, project.threshold()))
                .orElse(project);
    }
}
