package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/tasks}: filters, newest first, keyset pages behind an opaque {@code next_token}. A page holds at
 * most {@code limit} tasks and at most {@link EmulatorLimits#MAX_TASK_PAGE_BYTES} of their JSON (then it ends early
 * with {@code has_more}).
 *
 * <p>Filter semantics where Scale leaves them open: {@code start_time}/{@code end_time} are inclusive bounds on
 * {@code created_at}; the {@code *_after}/{@code *_before} pairs are exclusive; repeated {@code tags} match tasks
 * carrying ANY of them; {@code customer_review_status=pending} also matches completed tasks nobody audited yet.
 */
public final class TaskQuery {
    public static final int MAX_LIMIT = 100;
    public static final Set<String> STATUSES = Set.of("pending", "completed", "canceled", "error");
    public static final Set<String> REVIEW_STATUSES = Set.of("pending", "fixed", "accepted", "rejected", "commented");
    private static final List<String> LIMITED_KEYS =
            List.of("task_id", "status", "metadata", "project", "otherVersion");

    /**
     * One listing call.
     *
     * @param after where the page starts (decoded from {@code next_token}), or null for the first page
     * @param limited {@code limited_response}: only a few keys of each task
     */
    public record Request(TaskFilter filter, TaskFilter.PagePosition after, int limit, boolean limited) {}

    /** Where the page behind a {@code next_token} starts; 400 when the token is not one this emulator gave out. */
    public static TaskFilter.PagePosition position(String nextToken) {
        PageToken token = PageToken.decode(nextToken);
        return new TaskFilter.PagePosition(token.createdAt(), token.id());
    }

    private final EmulatorContext context;
    private final long maxPageBytes;

    public TaskQuery(EmulatorContext context) {
        this(context, EmulatorLimits.MAX_TASK_PAGE_BYTES);
    }

    /** With a smaller byte budget per page than {@link EmulatorLimits#MAX_TASK_PAGE_BYTES} (tests). */
    public TaskQuery(EmulatorContext context, long maxPageBytes) {
        this.context = context;
        this.maxPageBytes = maxPageBytes;
    }

    /** The caller's task as its wire JSON, if the caller has it. */
    public java.util.Optional<ObjectNode> find(Caller caller, String taskId) {
        return context.db().read(h -> TaskAccess.find(h, caller, taskId)).map(TaskJson::wire);
    }

    /** The caller's task as its stored wire JSON text, sent on unchanged; 404 when the caller has no such task. */
    public String retrieve(Caller caller, String taskId) {
        return context.db()
                .read(c -> TaskStore.findWireJson(c, caller, taskId))
                .orElseThrow(() -> ApiError.notFound(TaskAccess.NOT_FOUND));
    }

    /**
     * One page of the caller's tasks as the JSON text of {@code {docs, total, limit, offset, has_more, next_token}}.
     * The stored task JSON goes out as stored; only the last task of a page is parsed, for its {@code next_token}.
     */
    public String list(Request request) {
        TaskFilter filter = request.filter();
        TaskFilter.PagePosition after = request.after();
        int limit = request.limit();
        boolean limited = request.limited();

        return context.db().read(h -> {
            long total = TaskStore.total(h, filter);
            TaskStore.Page found = TaskStore.page(h, filter, after, limit, maxPageBytes);
            boolean hasMore = found.hasMore();
            List<String> page = found.docs();
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
            return out.toString();
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
}
