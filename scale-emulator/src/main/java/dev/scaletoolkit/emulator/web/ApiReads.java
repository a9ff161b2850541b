package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.EmulatorServices;
import dev.scaletoolkit.emulator.api.BatchListParams;
import dev.scaletoolkit.emulator.api.TaskListParams;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.callback.CallbackStore;
import dev.scaletoolkit.emulator.http.Query;
import dev.scaletoolkit.emulator.journal.JournalRoutes;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.jackson.ScaleJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads for the dashboard, review and queue screens, answered by the same services as {@code /v1} and the control
 * plane, with the parameters a page chose read by the same parsers as the API's query (so a page shows exactly
 * what a client would get: same filters, paging and errors). Never through a route handler.
 */
final class ApiReads {
    private final EmulatorServices services;
    private final Supplier<ObjectNode> faults;
    private final JournalRoutes journal;

    /**
     * @param faults the control plane's fault rules as {@code GET /_emulator/faults} shows them
     * @param journal the request journal, or null when this build records no requests
     */
    ApiReads(EmulatorServices services, Supplier<ObjectNode> faults, JournalRoutes journal) {
        this.services = services;
        this.faults = faults;
        this.journal = journal;
    }

    /** What {@code GET /v1{path}} answers {@code caller} with these query parameters. */
    JsonNode v1(HttpServletRequest base, Caller caller, String path, Map<String, List<String>> params) {
        Query query = Query.of(params);
        if (path.equals("/tasks")) {
            return ScaleJson.mapper().readTree(services.query().list(TaskListParams.parse(query, caller)));
        }
        if (path.equals("/projects")) {
            ArrayNode out = ScaleJson.mapper().createArrayNode();
            services.projects()
                    .list(
                            caller,
                            query.queryBool("archived"),
                            json -> out.add(ScaleJson.mapper().readTree(json)));
            return out;
        }
        if (path.equals("/batches")) {
            return services.batches().list(caller, BatchListParams.parse(query, caller));
        }
        if (path.startsWith("/batches/") && path.endsWith("/status")) {
            String name = java.net.URLDecoder.decode(
                    path.substring("/batches/".length(), path.length() - "/status".length()),
                    java.nio.charset.StandardCharsets.UTF_8);
            return services.batches().status(caller, name);
        }
        if (path.equals("/quality/labelers")) {
            return services.quality()
                    .attempts(
                            caller,
                            query.queryList("quality_task_ids", true),
                            query.queryList("labeler_emails", true),
                            null,
                            query.queryInt("limit", 1, 100).orElse(100));
        }
        throw new IllegalStateException("the UI reads no " + path);
    }

    /** What {@code GET /_emulator{path}} answers with these query parameters. */
    JsonNode admin(HttpServletRequest base, String path, Map<String, List<String>> params) {
        Query query = Query.of(params);
        if (path.equals("/callbacks")) {
            ObjectNode out = Docs.object();
            ArrayNode docs = out.putArray("docs");
            services.callbackLog()
                    .list(new CallbackStore.LogFilter(
                            query.query("task_id").orElse(null),
                            query.query("batch_name").orElse(null),
                            query.query("state").orElse(null),
                            query.queryInt("limit", 1, 1000).orElse(200)))
                    .forEach(docs::add);
            return out;
        }
        if (path.equals("/faults")) {
            return faults.get();
        }
        if (path.equals("/requests") && journal != null) {
            return journal.list(query);
        }
        throw new IllegalStateException("the UI reads no " + path);
    }
}
