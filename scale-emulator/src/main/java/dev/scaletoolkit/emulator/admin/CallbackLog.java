package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.ArrayList;
import java.util.List;
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
        List<String> where = new ArrayList<>();
        taskId.ifPresent(t -> where.add("task_id = :task"));
        batch.ifPresent(b -> where.add("batch_name = :batch"));
        state.ifPresent(s -> where.add("state = :state"));
        String sql = "SELECT id, account_id, test_mode, task_id, batch_name, url, body, state, attempts,"
                + " next_attempt_at, last_status, last_error, created_at, updated_at FROM callbacks"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at, id LIMIT " + limit;
        ObjectNode out = Docs.object();
        ArrayNode docs = out.putArray("docs");
        context.db()
                .read(h -> {
                    var query = h.createQuery(sql);
                    taskId.ifPresent(t -> query.bind("task", t));
                    batch.ifPresent(b -> query.bind("batch", b));
                    state.ifPresent(s -> query.bind("state", s));
                    return query.map((rs, ctx) -> {
                                ObjectNode d = Docs.object();
                                d.put("id", rs.getString("id"));
                                d.put("account_id", rs.getString("account_id"));
                                d.put("is_test", rs.getInt("test_mode") == 1);
                                d.put("task_id", rs.getString("task_id"));
                                d.put("batch_name", rs.getString("batch_name"));
                                d.put("url", rs.getString("url"));
                                d.put("state", rs.getString("state"));
                                d.put("attempts", rs.getInt("attempts"));
                                d.put("next_attempt_at", rs.getString("next_attempt_at"));
                                int status = rs.getInt("last_status");
                                d.put("last_status", rs.wasNull() ? null : status);
                                d.put("last_error", rs.getString("last_error"));
                                d.put("created_at", rs.getString("created_at"));
                                d.put("updated_at", rs.getString("updated_at"));
                                d.set("body", Docs.read(rs.getString("body")));
                                return d;
                            })
                            .list();
                })
                .forEach(docs::add);
        return out;
    }
}
