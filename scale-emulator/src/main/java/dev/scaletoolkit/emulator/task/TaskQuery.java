package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlStatement;
import tools.jackson.databind.node.ArrayNode;
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
    private static final Set<String> STATUSES = Set.of("pending", "completed", "canceled", "error");
    private static final Set<String> REVIEW_STATUSES = Set.of("pending", "fixed", "accepted", "rejected", "commented");
    private static final List<String> LIMITED_KEYS =
            List.of("task_id", "status", "metadata", "project", "otherVersion");

    private final EmulatorContext context;

    public TaskQuery(EmulatorContext context) {
        this.context = context;
    }

    /** Answers one page of the caller's tasks as {@code {docs, total, limit, offset, has_more, next_token}}. */
    public ObjectNode list(ApiRequest req) {
        int limit = req.queryInt("limit", 1, MAX_LIMIT).orElse(MAX_LIMIT);
        boolean limited = req.queryBool("limited_response").orElse(false);
        // Scale adds pre-signed attachment links with this flag; the emulator stores no attachments, so it only
        // checks the value.
        req.queryBool("include_attachment_url");
        Optional<PageToken> after = req.query("next_token").map(PageToken::decode);
        Where where = filters(req);

        Where page = where.copy();
        after.ifPresent(t -> page.add(
                "(created_at < :tok_c OR (created_at = :tok_c AND id < :tok_id))",
                Map.of("tok_c", t.createdAt(), "tok_id", t.id())));

        return context.db().read(h -> {
            int total = where.bindTo(h.createQuery("SELECT COUNT(*) FROM tasks WHERE " + where.sql()))
                    .mapTo(Integer.class)
                    .one();
            List<String> docs = page.bindTo(h.createQuery("SELECT doc FROM tasks WHERE " + page.sql()
                                    + " ORDER BY created_at DESC, id DESC LIMIT :lim")
                            .bind("lim", limit + 1))
                    .mapTo(String.class)
                    .list();
            boolean hasMore = docs.size() > limit;
            ObjectNode out = Docs.object();
            ArrayNode rows = out.putArray("docs");
            ObjectNode last = null;
            for (String doc : docs.subList(0, Math.min(limit, docs.size()))) {
                last = Docs.read(doc);
                rows.add(limited ? limitedRow(last) : TaskJson.wire(last));
            }
            out.put("total", total);
            out.put("limit", limit);
            out.put("offset", 0);
            out.put("has_more", hasMore);
            if (hasMore) {
                out.put(
                        "next_token",
                        new PageToken(
                                        last.path("created_at").asString(),
                                        last.path("task_id").asString())
                                .encode());
            } else {
                out.putNull("next_token");
            }
            return out;
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

    private static Where filters(ApiRequest req) {
        Where w = new Where();
        w.add("account_id = :acct", Map.of("acct", req.caller().accountId()));
        w.add("test_mode = :mode", Map.of("mode", req.caller().mode()));
        time(req, w, "start_time", "created_at >=");
        time(req, w, "end_time", "created_at <=");
        time(req, w, "completed_after", "completed_at >");
        time(req, w, "completed_before", "completed_at <");
        time(req, w, "updated_after", "updated_at >");
        time(req, w, "updated_before", "updated_at <");
        List<String> statuses = checked(req, "status", STATUSES);
        w.in("status", "st", statuses);
        w.in(
                "type",
                "ty",
                req.queryList("type", true).stream()
                        .map(t -> TaskTypes.standard().canonical(t).orElse(t))
                        .toList());
        req.query("project").ifPresent(p -> w.add("project = :project", Map.of("project", p)));
        req.query("batch").ifPresent(b -> w.add("batch = :batch", Map.of("batch", b)));
        w.in("unique_id", "uid", req.queryList("unique_id", false));
        List<String> reviews = checked(req, "customer_review_status", REVIEW_STATUSES);
        if (!reviews.isEmpty()) {
            Where inner = new Where();
            inner.in("customer_review_status", "crs", reviews);
            String sql = inner.sql();
            if (reviews.contains("pending")) {
                sql = "(" + sql + " OR (customer_review_status IS NULL AND status = 'completed'))";
            }
            w.add(sql, inner.binds);
        }
        List<String> tags = req.queryList("tags", false);
        if (!tags.isEmpty()) {
            Where inner = new Where();
            inner.in("tt.tag", "tag", tags);
            w.add(
                    "EXISTS (SELECT 1 FROM task_tags tt WHERE tt.task_id = tasks.id AND " + inner.sql() + ")",
                    inner.binds);
        }
        return w;
    }

    private static void time(ApiRequest req, Where w, String param, String comparison) {
        Optional<Instant> at = req.queryTime(param);
        at.ifPresent(t -> w.add(comparison + " :" + param, Map.of(param, ScaleTime.format(t))));
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

    /** A growing WHERE clause with its named bindings. */
    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final Map<String, Object> binds = new LinkedHashMap<>();

        void add(String clause, Map<String, ?> values) {
            clauses.add(clause);
            binds.putAll(values);
        }

        void in(String column, String prefix, List<String> values) {
            if (values.isEmpty()) {
                return;
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                names.add(":" + prefix + i);
                binds.put(prefix + i, values.get(i));
            }
            clauses.add(column + " IN (" + String.join(", ", names) + ")");
        }

        String sql() {
            return String.join(" AND ", clauses);
        }

        Where copy() {
            Where w = new Where();
            w.clauses.addAll(clauses);
            w.binds.putAll(binds);
            return w;
        }

        <S extends SqlStatement<S>> S bindTo(S statement) {
            binds.forEach(statement::bind);
            return statement;
        }
    }
}
