package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.callback.CallbackStore;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /_emulator/callbacks}: the outbox as a delivery log, oldest first, filtered by {@code task_id},
 * {@code batch_name} and {@code state} ({@code pending}, {@code delivered}, {@code failed}). Shows the URL, body,
 * attempts and last outcome of each delivery; the auth header is not stored per delivery and never shown.
 */
final class CallbackLog {
    private static final Set<String> STATES = Set.of("pending", "delivered", "failed");

    private CallbackLog() {}

    static ObjectNode list(EmulatorContext context, ApiRequest req) {
        Optional<String> taskId = req.query("task_id");
        Optional<String> batch = req.query("batch_name");
        Optional<String> state = req.query("state");
        if (state.isPresent() && !STATES.contains(state.get())) {
            throw ApiError.invalidParam("state", "must be pending, delivered or failed, got \"" + state.get() + "\"");
        }
        int limit = req.queryInt("limit", 1, 1000).orElse(200);
        CallbackStore.LogFilter filter =
                new CallbackStore.LogFilter(taskId.orElse(null), batch.orElse(null), state.orElse(null), limit);
        ObjectNode out = Docs.object();
        ArrayNode docs = out.putArray("docs");
        context.db().read(h -> CallbackStore.log(h, filter)).forEach(docs::add);
        return out;
    }
}
