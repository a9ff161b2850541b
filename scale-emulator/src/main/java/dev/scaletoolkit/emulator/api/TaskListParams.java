package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Query;
import dev.scaletoolkit.emulator.task.TaskFilter;
import dev.scaletoolkit.emulator.task.TaskQuery;
import dev.scaletoolkit.emulator.task.TaskTypes;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the query of {@code GET /v1/tasks} into a {@link TaskQuery.Request}; 400 naming the parameter on a bad
 * value.
 *
 * <p>Filter semantics where Scale leaves them open: {@code start_time}/{@code end_time} are inclusive bounds on
 * {@code created_at}; the {@code *_after}/{@code *_before} pairs are exclusive; repeated {@code tags} match tasks
 * carrying ANY of them.
 */
public final class TaskListParams {
    private TaskListParams() {}

    /** The listing a request asks for. */
    public static TaskQuery.Request parse(ApiRequest req) {
        return parse(req, req.caller());
    }

    /** The listing {@code caller} asks for with these parameters (the UI's task tables use it too). */
    public static TaskQuery.Request parse(Query req, Caller caller) {
        int limit = req.queryInt("limit", 1, TaskQuery.MAX_LIMIT).orElse(TaskQuery.MAX_LIMIT);
        boolean limited = req.queryBool("limited_response").orElse(false);
        // Scale adds pre-signed attachment links with this flag; the emulator stores no attachments, so it only
        // checks the value.
        req.queryBool("include_attachment_url");
        TaskFilter.PagePosition after =
                req.query("next_token").map(TaskQuery::position).orElse(null);
        return new TaskQuery.Request(filters(req, caller), after, limit, limited);
    }

    private static TaskFilter filters(Query req, Caller caller) {
        List<TaskFilter.TimeBound> times = new ArrayList<>();
        time(req, times, "start_time", "created_at", ">=");
        time(req, times, "end_time", "created_at", "<=");
        time(req, times, "completed_after", "completed_at", ">");
        time(req, times, "completed_before", "completed_at", "<");
        time(req, times, "updated_after", "updated_at", ">");
        time(req, times, "updated_before", "updated_at", "<");
        List<String> statuses = checked(req, "status", TaskQuery.STATUSES);
        List<String> types = req.queryList("type", true).stream()
                .map(t -> TaskTypes.standard().canonical(t).orElse(t))
                .toList();
        List<String> reviews = checked(req, "customer_review_status", TaskQuery.REVIEW_STATUSES);
        return new TaskFilter(
                caller,
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
            Query req, List<TaskFilter.TimeBound> times, String param, String field, String comparison) {
        Optional<Instant> at = req.queryTime(param);
        at.ifPresent(t -> times.add(new TaskFilter.TimeBound(field, comparison, ScaleTime.format(t))));
    }

    private static List<String> checked(Query req, String param, Set<String> allowed) {
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
