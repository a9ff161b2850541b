package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Reply;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.ScaleTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/tasks}: filters, newest first, keyset pages behind an opaque {@code next_token}.
 *
 * <p>Filter semantics where Scale leaves them open: {@code start_time}/{@code end_time} are inclusive bounds on
 * {@code created_at}; the {@code *_after}/{@code *_before} pairs are exclusive; repeated {@code tags} match tasks
 * carrying ANY of them; {@code customer_review_status=pending} also matches completed tasks nobody audited yet.
 */
public final class TaskQuery {
    public static final int MAX_LIMIT = 100;
    private static final String JSON = "application/json; charset=utf-8";
    private static final Set<String> STATUSES = Set.of("pending", "completed", "canceled", "error");
    private static final Set<String> REVIEW_STATUSES = Set.of("pending", "fixed", "accepted", "rejected", "commented");
    private static final List<String> LIMITED_KEYS =
            List.of("task_id", "status", "metadata", "project", "otherVersion");

    private final EmulatorContext context;

    public TaskQuery(EmulatorContext context) {
        this.context = context;
    }

    /**
     * Answers one page of the caller's tasks as {@code {docs, total, limit, offset, has_more, next_token}}. The
     * stored task JSON goes out as stored; only the last task of a page is parsed, for its {@code next_token}.
     */
    public Reply list(ApiRequest req) {
        int limit = req.queryInt("limit", 1, MAX_LIMIT).orElse(MAX_LIMIT);
        boolean limited = req.queryBool("limited_response").orElse(false);
        // Scale adds pre-signed attachment links with this flag; the emulator stores no attachments, so it only
        // checks the value.
        req.queryBool("include_attachment_url");
        TaskFilter.PagePosition after = req.query("next_token")
                .map(PageToken::decode)
                .map(t -> new TaskFilter.PagePosition(t.createdAt(), t.id()))
                .orElse(null);
        TaskFilter filter = filters(req);

        return context.db().read(h -> {
            long total = TaskStore.total(h, filter);
            List<String> docs = TaskStore.page(h, filter, after, limit + 1);
            boolean hasMore = docs.size() > limit;
            List<String> page = docs.subList(0, Math.min(limit, docs.size()));
            StringBuilder out = new StringBuilder(
                    64 + page.stream().mapToInt(String::length).sum());
            out.append("{\"docs\":[");
            for (int i = 0; i < page.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(limited ? Docs.write(limitedRow(Docs.read(page.get(i)))) : page.get(i));
            }
            out.append("],\"total\":").append(total);
            out.append(",\"limit\":").append(limit);
            out.append(",\"offset\":0,\"has_more\":").append(hasMore);
            out.append(",\"next_token\":");
            if (hasMore) {
                ObjectNode last = Docs.read(page.get(page.size() - 1));
                String token = new PageToken(
                                last.path("created_at").asString(),
                                last.path("task_id").asString())
                        .encode();
                out.append(Docs.write(tools.jackson.databind.node.StringNode.valueOf(token)));
            } else {
                out.append("null");
            }
            out.append('}');
            return (Reply) new Reply.Bytes(JSON, out.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    private static ObjectNode limitedRow(ObjectNode task) {
        ObjectNode row = Docs.object();
        for (String key : LIMITED_KEYS) {
            if (task.has(key)) {
                row.set(key, task.get(key));
            }
        }
        return row;
    }

    private static TaskFilter filters(ApiRequest req) {
        List<TaskFilter.TimeBound> times = new ArrayList<>();
        time(req, times, "start_time", "created_at", ">=");
        time(req, times, "end_time", "created_at", "<=");
        time(req, times, "completed_after", "completed_at", ">");
        time(req, times, "completed_before", "completed_at", "<");
        time(req, times, "updated_after", "updated_at", ">");
        time(req, times, "updated_before", "updated_at", "<");
        List<String> statuses = checked(req, "status", STATUSES);
        List<String> types = req.queryList("type", true).stream()
                .map(t -> TaskTypes.standard().canonical(t).orElse(t))
                .toList();
        List<String> reviews = checked(req, "customer_review_status", REVIEW_STATUSES);
        return new TaskFilter(
                req.caller(),
                statuses,
                types,
                req.query("project").orElse(null),
                req.query("batch").orElse(null),
                req.queryList("unique_id", false),
                reviews,
                req.queryList("tags", false),
                times);
    }

    private static void time(
            ApiRequest req, List<TaskFilter.TimeBound> times, String param, String field, String comparison) {
        Optional<Instant> at = req.queryTime(param);
        at.ifPresent(t -> times.add(new TaskFilter.TimeBound(field, comparison, ScaleTime.format(t))));
    }

    private static List<String> checked(ApiRequest req, String param, Set<String> allowed) {
        List<String> values = req.queryList(param, true);
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw ApiError.invalidParam(
                        param,
                        "must be one of "
                                + String.join(", ", allowed.stream().sorted().toList()) + ", got \"" + v + "\"");
            }
        }
        return values;
    }
}
