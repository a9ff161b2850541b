package dev.scaletoolkit.emulator.web;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The dashboard's task table (filters named as the API's query parameters) and one task's detail. */
final class TaskTable {
    private static final List<String> STATUSES = List.of("pending", "completed", "canceled", "error");
    private static final List<String> REVIEWS = List.of("pending", "accepted", "rejected", "fixed", "commented");

    private TaskTable() {}

    static void filters(StringBuilder main, Map<String, List<String>> params) {
        main.append("<form method=\"get\" action=\"/dashboard/tasks\" class=\"filters card\"")
                .append(" aria-label=\"Filter tasks\">");
        select(main, "status", "Status", STATUSES, params);
        text(main, "project", "Project", params);
        text(main, "batch", "Batch", params);
        text(main, "type", "Type", params);
        text(main, "unique_id", "Unique id", params);
        text(main, "tags", "Tag", params);
        select(main, "customer_review_status", "Review", REVIEWS, params);
        text(main, "start_time", "Created from", params);
        text(main, "end_time", "Created until", params);
        main.append("<div class=\"filter-actions\"><button class=\"primary\">Filter</button>")
                .append("<a href=\"/dashboard/tasks\">Clear</a></div></form>");
    }

    private static void text(StringBuilder main, String name, String label, Map<String, List<String>> params) {
        main.append("<div><label for=\"f-")
                .append(name)
                .append("\">")
                .append(label)
                .append("</label><input id=\"f-")
                .append(name)
                .append("\" name=\"")
                .append(name)
                .append("\" value=\"")
                .append(Html.esc(first(params, name)))
                .append("\"></div>");
    }

    private static void select(
            StringBuilder main, String name, String label, List<String> options, Map<String, List<String>> params) {
        String current = first(params, name);
        main.append("<div><label for=\"f-")
                .append(name)
                .append("\">")
                .append(label)
                .append("</label><select id=\"f-")
                .append(name)
                .append("\" name=\"")
                .append(name)
                .append("\"><option value=\"\">any</option>");
        for (String o : options) {
            main.append("<option")
                    .append(o.equals(current) ? " selected" : "")
                    .append('>')
                    .append(o)
                    .append("</option>");
        }
        main.append("</select></div>");
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    static void rows(StringBuilder main, JsonNode page, Map<String, List<String>> params) {
        main.append("<section class=\"card\"><p class=\"muted\">")
                .append(page.path("total").asInt())
                .append(" tasks match.</p>");
        if (page.path("docs").isEmpty()) {
            main.append("</section>");
            return;
        }
        main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">Task</th><th scope=\"col\">Type</th>")
                .append("<th scope=\"col\">Project</th><th scope=\"col\">Batch</th><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">Created</th></tr></thead><tbody>");
        for (JsonNode t : page.path("docs")) {
            String id = t.path("task_id").asString();
            String status = t.path("status").asString();
            main.append("<tr><td><a href=\"/dashboard/tasks/")
                    .append(Html.esc(id))
                    .append("\"><code>")
                    .append(Html.esc(id))
                    .append("</code></a></td><td>")
                    .append(Html.esc(t.path("type").asString()))
                    .append("</td><td>")
                    .append(Html.esc(t.path("project").asString("—")))
                    .append("</td><td>")
                    .append(Html.esc(t.path("batch").asString("—")))
                    .append("</td><td><span class=\"pill ")
                    .append(Html.esc(status))
                    .append("\">")
                    .append(Html.esc(status))
                    .append("</span></td><td>")
                    .append(Html.esc(t.path("created_at").asString()))
                    .append("</td></tr>");
        }
        main.append("</tbody></table>");
        if (page.path("has_more").asBoolean(false)) {
            StringBuilder next = new StringBuilder("/dashboard/tasks?");
            params.forEach((k, values) -> {
                if (!k.equals("next_token")) {
                    values.forEach(v -> next.append(Html.url(k))
                            .append('=')
                            .append(Html.url(v))
                            .append('&'));
                }
            });
            next.append("next_token=").append(Html.url(page.path("next_token").asString()));
            main.append("<p class=\"pager\"><a class=\"button\" rel=\"next\" href=\"")
                    .append(Html.esc(next.toString()))
                    .append("\">Next page →</a></p>");
        }
        main.append("</section>");
    }

    static String detail(JsonNode task, JsonNode callbacks) {
        String id = task.path("task_id").asString();
        String status = task.path("status").asString();
        StringBuilder main = new StringBuilder("<div class=\"page-head\"><div><p class=\"eyebrow\">")
                .append(Html.esc(task.path("type").asString()))
                .append("</p><h1>Task <code>")
                .append(Html.esc(id))
                .append("</code></h1></div><div class=\"row\">")
                .append("<span class=\"pill big ")
                .append(Html.esc(status))
                .append("\">")
                .append(Html.esc(status))
                .append("</span>");
        if (status.equals("pending")) {
            main.append("<a class=\"button primary\" href=\"/tasks/")
                    .append(Html.esc(id))
                    .append("\">Label it</a>");
        } else if (status.equals("completed")) {
            main.append("<a class=\"button\" href=\"/review/")
                    .append(Html.esc(id))
                    .append("\">Review</a>");
        }
        main.append("</div></div><dl class=\"meta wide\">");
        for (String key : List.of(
                "project",
                "batch",
                "unique_id",
                "created_at",
                "completed_at",
                "callback_url",
                "customer_review_status")) {
            if (task.hasNonNull(key)) {
                main.append("<dt>")
                        .append(key)
                        .append("</dt><dd>")
                        .append(Html.esc(task.get(key).asString()))
                        .append("</dd>");
            }
        }
        main.append("</dl><section class=\"card\"><h2>Callback deliveries</h2>");
        if (callbacks.isEmpty()) {
            main.append("<p class=\"muted\">")
                    .append(
                            task.hasNonNull("callback_url")
                                    ? "None yet: the callback is sent when the task finishes."
                                    : "This task has no callback_url.")
                    .append("</p>");
        } else {
            main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">State</th><th scope=\"col\">Attempts")
                    .append("</th><th scope=\"col\">Last status</th><th scope=\"col\">Last error</th>")
                    .append("<th scope=\"col\">URL</th><th scope=\"col\">Updated</th></tr></thead><tbody>");
            for (JsonNode c : callbacks) {
                String state = c.path("state").asString();
                main.append("<tr><td><span class=\"pill ")
                        .append(Html.esc(state))
                        .append("\">")
                        .append(Html.esc(state))
                        .append("</span></td><td>")
                        .append(c.path("attempts").asInt())
                        .append("</td><td>")
                        .append(
                                c.path("last_status").isNull()
                                        ? "—"
                                        : Html.esc(c.path("last_status").asString()))
                        .append("</td><td>")
                        .append(Html.esc(c.path("last_error").asString("")))
                        .append("</td><td><code>")
                        .append(Html.esc(c.path("url").asString()))
                        .append("</code></td><td>")
                        .append(Html.esc(c.path("updated_at").asString()))
                        .append("</td></tr>");
            }
            main.append("</tbody></table>");
        }
        main.append("</section><div class=\"columns\"><section class=\"card\"><h2>Request</h2><pre class=\"json\">")
                .append(Html.pretty(task.path("params")))
                .append("</pre></section><section class=\"card\"><h2>Response</h2>");
        if (task.path("response").isMissingNode() || task.path("response").isNull()) {
            main.append("<p class=\"muted\">No response yet.</p>");
        } else {
            main.append("<pre class=\"json\">")
                    .append(Html.pretty(task.path("response")))
                    .append("</pre>");
        }
        main.append("</section></div>");
        return main.toString();
    }
}
