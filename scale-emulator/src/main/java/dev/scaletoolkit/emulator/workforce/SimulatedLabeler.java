package dev.scaletoolkit.emulator.workforce;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.response.Responses;
import dev.scaletoolkit.emulator.task.TaskCompletion;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated labelers as the completion service sees them: responses from {@link Responses} and the quality
 * trail from {@link QualityRecords}, both seeded by {@code workforceSeed} so runs repeat.
 */
public final class SimulatedLabeler implements TaskCompletion.Labeler {
    private final EmulatorContext context;

    public SimulatedLabeler(EmulatorContext context) {
        this.context = context;
    }

    @Override
    public JsonNode respond(ObjectNode task) {
        return Responses.generate(task, context.config().workforceSeed());
    }

    @Override
    public void recordTrail(Handle h, Caller owner, ObjectNode completedTask) {
        QualityRecords.afterCompletion(
                h, context, context.config().workforceSeed(), owner.accountId(), owner.testMode(), completedTask);
    }
}
