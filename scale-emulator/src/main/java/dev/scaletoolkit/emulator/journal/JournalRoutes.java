package dev.scaletoolkit.emulator.journal;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.Query;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.model.ScaleTime;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /_emulator/requests} lists the journal, newest first: filters {@code method}, {@code path_prefix},
 * {@code status} (400, or 4 for every 4xx), {@code since}, {@code until}; pages of {@code limit} (default 100, at most
 * 1000) with {@code cursor} from the previous page's {@code next_cursor}. {@code DELETE /_emulator/requests} clears
 * it.
 */
public final class JournalRoutes implements Routes {
    private final RequestJournal journal;

    public JournalRoutes(RequestJournal journal) {
        this.journal = journal;
    }

    @Override
    public void register(Router router) {
        router.get("/requests", req -> list(req));
        router.delete("/requests", req -> {
            journal.clear();
            ObjectNode out = ScaleJson.mapper().createObjectNode();
            out.put("cleared", true);
            return out;
        });
    }

    /** The journal page these parameters ask for, as {@code GET /_emulator/requests} answers it. */
    public ObjectNode list(Query req) {
        Integer status = req.queryInt("status", 1, 599).orElse(null);
        if (status != null && status >= 6 && status < 100) {
            throw ApiError.invalidParam("status", "must be a status such as 404, or 4 for every 4xx, got " + status);
        }
        Long cursor = req.query("cursor")
                .map(c -> {
                    try {
                        return Long.parseLong(c.trim());
                    } catch (NumberFormatException e) {
                        throw ApiError.invalidParam(
                                "cursor", "must be the next_cursor of an earlier page, got \"" + c + "\"");
                    }
                })
                .orElse(null);
        RequestJournal.Page page = journal.list(new RequestJournal.Query(
                req.query("method").map(m -> m.toUpperCase(Locale.ROOT)).orElse(null),
                req.query("path_prefix")
                        .map(p -> p.startsWith("/") ? p : "/" + p)
                        .orElse(null),
                status,
                req.queryTime("since").orElse(null),
                req.queryTime("until").orElse(null),
                cursor,
                req.queryInt("limit", 1, 1000).orElse(100)));
        ObjectNode out = ScaleJson.mapper().createObjectNode();
        ArrayNode docs = out.putArray("docs");
        page.entries().forEach(e -> docs.add(write(e.redacted())));
        if (page.nextCursor() == null) {
            out.putNull("next_cursor");
        } else {
            out.put("next_cursor", Long.toString(page.nextCursor()));
        }
        return out;
    }

    private static ObjectNode write(JournalEntry e) {
        ObjectNode o = ScaleJson.mapper().createObjectNode();
        o.put("seq", e.seq());
        o.put("request_id", e.requestId());
        o.put("time", ScaleTime.format(e.time()));
        o.put("method", e.method());
        o.put("path", e.path());
        o.put("query", e.query());
        o.put("status", e.status());
        o.put("latency_ms", e.latencyMillis());
        putBody(o, "request_body", e.requestBody());
        putBody(o, "response_body", e.responseBody());
        return o;
    }

    /** JSON bodies are embedded as JSON, anything else as a string. */
    private static void putBody(ObjectNode o, String field, String body) {
        if (body == null) {
            o.putNull(field);
            return;
        }
        if (body.startsWith("{") || body.startsWith("[")) {
            try {
                o.set(field, ScaleJson.mapper().readTree(body));
                return;
            } catch (JacksonException truncated) {
                // cut short or not JSON after all: keep the text
            }
        }
        o.put(field, body);
    }
}
