package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.studio.LabelerStats;
import dev.scaletoolkit.emulator.studio.WorkLog;
import dev.scaletoolkit.model.ScaleTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the emulator holds, for managers: task counts, projects, batches with progress, completions over time,
 * faults in force and the request journal (when this build has one); a task table with the API's filters; one
 * task with its request, response, audits and callback deliveries.
 */
final class DashboardPages {
    /** The chart reads at most this many recent completions (ten pages of the tasks listing). */
    private static final int CHART_PAGES = 10;

    private static final List<String> STATUSES = List.of("pending", "completed", "canceled", "error");

    private final EmulatorContext context;
    private final ApiReads api;
    /** The windows a manager can read the labelers' statistics over, by the name the page's links use. */
    private static final Map<String, java.time.Duration> WINDOWS = windows();

    private static final String DEFAULT_WINDOW = "8h";

    private final ReservationPages reservations;
    private final WorkLog work;

    DashboardPages(EmulatorContext context, ApiReads api, ReservationPages reservations, WorkLog work) {
        this.context = context;
        this.api = api;
        this.reservations = reservations;
        this.work = work;
    }

    private static Map<String, java.time.Duration> windows() {
        Map<String, java.time.Duration> out = new LinkedHashMap<>();
        out.put("1h", java.time.Duration.ofHours(1));
        out.put("8h", java.time.Duration.ofHours(8));
        out.put("24h", java.time.Duration.ofHours(24));
        out.put("7d", java.time.Duration.ofDays(7));
        return out;
    }

    /** The same news as {@code /_emulator/health}: a background worker that failed and waits to run again. */
    private void workersDown(StringBuilder main) {
        for (dev.scaletoolkit.infra.work.Supervisor.Worker w :
                context.supervisor().down()) {
            main.append("<p class=\"alert\" role=\"alert\">Degraded: the background worker <b>")
                    .append(Html.esc(w.name()))
                    .append("</b> failed")
                    .append(w.lastError().map(e -> " (" + Html.esc(e) + ")").orElse(""))
                    .append(" and is restarting; see the server log.</p>");
        }
    }

    void overview(Exchange ex) throws IOException {
        Viewer viewer = requireManager(ex);
        String window = ex.param("window").filter(WINDOWS::containsKey).orElse(DEFAULT_WINDOW);
        // dashboard.js listens to /dashboard/events and, on a change, fetches this page again and swaps #live.
        StringBuilder main = new StringBuilder("<div class=\"page-head\"><div><p class=\"eyebrow\">Live world</p>")
                .append("<h1>Dashboard</h1></div><p class=\"live-status muted\" id=\"live-status\" role=\"status\"")
                .append(" data-events=\"/dashboard/events\">Updates live</p>")
                .append("<a class=\"button\" href=\"/dashboard/tasks\">All tasks</a></div>")
                .append("<div id=\"live\">");
        workersDown(main);
        main.append("<div class=\"stats\">");
        for (String status : STATUSES) {
            int total = api.v1(
                            ex.req(),
                            viewer.caller(),
                            "/tasks",
                            Map.of(
                                    "status",
                                    List.of(status),
                                    "limit",
                                    List.of("1"),
                                    "limited_response",
                                    List.of("true")))
                    .path("total")
                    .asInt();
            main.append("<a class=\"stat ")
                    .append(status)
                    .append("\" href=\"/dashboard/tasks?status=")
                    .append(status)
                    .append("\"><b>")
                    .append(total)
                    .append("</b><span>")
                    .append(status)
                    .append("</span></a>");
        }
        main.append("</div><section class=\"card\"><h2>Completed over time</h2>")
                .append(CompletionChart.svg(
                        completions(ex, viewer), context.clock().instant()))
                .append("</section><div class=\"columns\"><section class=\"card\"><h2>Projects</h2>");
        projects(ex, viewer, main);
        main.append("</section><section class=\"card\"><h2>Faults in force</h2>");
        faults(ex, main);
        main.append("</section></div>");
        labelers(viewer, window, main);
        main.append("<section class=\"card\"><h2>Batches</h2>");
        batches(ex, viewer, main);
        main.append("</section>");
        reservations.card(viewer, main);
        journal(ex, main);
        main.append("</div><script src=\"" + StaticFiles.url("dashboard.js") + "\" defer></script>");
        ex.html(200, Layout.page("Dashboard", viewer, "Dashboard", main.toString()));
    }

    /** Per-labeler statistics over the chosen window: throughput, acceptance rate, time per task. */
    private void labelers(Viewer viewer, String window, StringBuilder main) {
        java.time.Duration length = WINDOWS.get(window);
        List<LabelerStats.Row> rows = work.statistics(viewer.caller(), length);
        main.append("<section class=\"card\" id=\"labelers\" aria-labelledby=\"labelers-title\">")
                .append("<div class=\"card-head\"><h2 id=\"labelers-title\">Labelers</h2>")
                .append("<nav class=\"windows\" aria-label=\"Statistics window\">");
        WINDOWS.keySet()
                .forEach(w -> main.append("<a href=\"/dashboard?window=")
                        .append(w)
                        .append('"')
                        .append(w.equals(window) ? " aria-current=\"true\"" : "")
                        .append(">Last ")
                        .append(windowName(w))
                        .append("</a>"));
        main.append("</nav></div>");
        if (rows.isEmpty()) {
            main.append("<p class=\"muted\">Nobody submitted an answer in the browser in the last ")
                    .append(windowName(window))
                    .append(".</p></section>");
            return;
        }
        main.append("<table class=\"grid\"><caption class=\"sr-only\">Answers submitted in the last ")
                .append(windowName(window))
                .append("</caption><thead><tr><th scope=\"col\">Labeler</th><th scope=\"col\">Tasks</th>")
                .append("<th scope=\"col\">Throughput</th><th scope=\"col\">Acceptance rate</th>")
                .append("<th scope=\"col\">Time per task <small>(median)</small></th></tr></thead><tbody>");
        for (LabelerStats.Row r : rows) {
            main.append("<tr data-labeler=\"")
                    .append(Html.esc(r.email()))
                    .append("\"><th scope=\"row\">")
                    .append(Html.esc(r.email()))
                    .append("</th><td data-stat=\"tasks\">")
                    .append(r.tasks())
                    .append("</td><td data-stat=\"throughput\">")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", r.perHour()))
                    .append(" tasks/h</td><td data-stat=\"acceptance\">");
            if (r.acceptance().isPresent()) {
                main.append(Math.round(r.acceptance().get() * 100))
                        .append("% <small class=\"muted\">")
                        .append(r.accepted())
                        .append(" of ")
                        .append(r.accepted() + r.rejected())
                        .append(" reviewed</small>");
            } else {
                main.append("<span class=\"muted\">not reviewed yet</span>");
            }
            main.append("</td><td data-stat=\"time\">")
                    .append(Html.esc(duration(r.medianTime())))
                    .append("</td></tr>");
        }
        main.append("</tbody></table></section>");
    }

    private static String windowName(String window) {
        return switch (window) {
            case "1h" -> "hour";
            case "8h" -> "8 hours";
            case "24h" -> "24 hours";
            default -> "7 days";
        };
    }

    /** A duration as people read it: 45 s, 2 min 05 s, 1 h 03 min. */
    static String duration(java.time.Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    private List<CompletionChart.Point> completions(Exchange ex, Viewer viewer) {
        List<CompletionChart.Point> points = new ArrayList<>();
        String token = null;
        for (int page = 0; page < CHART_PAGES; page++) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("status", List.of("completed"));
            if (token != null) {
                params.put("next_token", List.of(token));
            }
            JsonNode answer = api.v1(ex.req(), viewer.caller(), "/tasks", params);
            for (JsonNode t : answer.path("docs")) {
                String project = t.path("project").asString("(none)");
                ScaleTime.parse(t.path("completed_at").asString(""))
                        .ifPresent(at -> points.add(new CompletionChart.Point(at, project)));
            }
            if (!answer.path("has_more").asBoolean(false)) {
                break;
            }
            token = answer.path("next_token").asString();
        }
        return points;
    }

    private void projects(Exchange ex, Viewer viewer, StringBuilder main) {
        JsonNode projects = api.v1(ex.req(), viewer.caller(), "/projects", Map.of());
        if (projects.isEmpty()) {
            main.append("<p class=\"muted\">No project yet: create one with <code>POST /v1/projects</code>.</p>");
            return;
        }
        main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th>")
                .append("<th scope=\"col\">Studio</th><th scope=\"col\">Progress</th></tr></thead><tbody>");
        for (JsonNode p : projects) {
            String name = p.path("name").asString();
            // n of m: completed of every task that can still complete (canceled ones never will).
            int total = count(ex, viewer, Map.of("project", List.of(name)));
            int done = count(ex, viewer, Map.of("project", List.of(name), "status", List.of("completed")));
            int canceled = count(ex, viewer, Map.of("project", List.of(name), "status", List.of("canceled")));
            main.append("<tr><td><a href=\"/dashboard/tasks?project=")
                    .append(Html.esc(Html.url(name)))
                    .append("\">")
                    .append(Html.esc(name))
                    .append("</a></td><td>")
                    .append(Html.esc(p.path("type").asString()))
                    .append("</td><td>")
                    .append(p.path("studio").asBoolean(false) ? "yes" : "—")
                    .append(" · <a href=\"/project?name=")
                    .append(Html.esc(Html.url(name)))
                    .append("\">Settings<span class=\"sr-only\"> of ")
                    .append(Html.esc(name))
                    .append("</span></a></td><td data-project=\"")
                    .append(Html.esc(name))
                    .append("\">")
                    .append(Progress.bar(done, total - canceled, "tasks of " + name))
                    .append("</td></tr>");
        }
        main.append("</tbody></table>");
    }

    /** The exact number of tasks matching {@code filter}, as the listing's {@code total} gives it. */
    private int count(Exchange ex, Viewer viewer, Map<String, List<String>> filter) {
        Map<String, List<String>> params = new LinkedHashMap<>(filter);
        params.put("limit", List.of("1"));
        params.put("limited_response", List.of("true"));
        return api.v1(ex.req(), viewer.caller(), "/tasks", params).path("total").asInt();
    }

    private void batches(Exchange ex, Viewer viewer, StringBuilder main) {
        JsonNode batches = api.v1(ex.req(), viewer.caller(), "/batches", Map.of("limit", List.of("20")))
                .path("docs");
        if (batches.isEmpty()) {
            main.append("<p class=\"muted\">No batch yet.</p>");
            return;
        }
        main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">Batch</th><th scope=\"col\">Project</th>")
                .append("<th scope=\"col\">Status</th><th scope=\"col\">Progress</th></tr></thead><tbody>");
        for (JsonNode b : batches) {
            String name = b.path("name").asString();
            JsonNode counts = api.v1(ex.req(), viewer.caller(), "/batches/" + Html.url(name) + "/status", Map.of());
            int total = 0;
            for (var e : counts.properties()) {
                if (!e.getKey().equals("status") && e.getValue().isNumber()) {
                    total += e.getValue().asInt();
                }
            }
            int done = counts.path("completed").asInt(0);
            main.append("<tr><td><a href=\"/dashboard/tasks?batch=")
                    .append(Html.esc(Html.url(name)))
                    .append("\">")
                    .append(Html.esc(name))
                    .append("</a></td><td>")
                    .append(Html.esc(b.path("project").asString()))
                    .append("</td><td><span class=\"pill ")
                    .append(Html.esc(b.path("status").asString()))
                    .append("\">")
                    .append(Html.esc(b.path("status").asString()))
                    .append("</span></td><td>")
                    .append(Progress.bar(done, total, "tasks of " + name))
                    .append("</td></tr>");
        }
        main.append("</tbody></table>");
    }

    private void faults(Exchange ex, StringBuilder main) {
        JsonNode faults = api.admin(ex.req(), "/faults", Map.of()).path("faults");
        if (faults.isEmpty()) {
            main.append("<p class=\"muted\">None. Add one with <code>POST /_emulator/faults</code> to see how your")
                    .append(" client copes with errors.</p>");
            return;
        }
        main.append("<ul class=\"faults\">");
        for (JsonNode f : faults) {
            main.append("<li><code>")
                    .append(Html.esc(f.path("method").asString("*")))
                    .append(' ')
                    .append(Html.esc(f.path("path_prefix").asString("/")))
                    .append("</code> → <b>")
                    .append(Html.esc(f.path("status").asString()))
                    .append("</b> <small>")
                    .append(Html.esc(f.path("phase").asString()));
            if (f.hasNonNull("times")) {
                main.append(", ").append(Html.esc(f.get("times").asString())).append(" more times");
            }
            main.append("</small></li>");
        }
        main.append("</ul>");
    }

    /** The request journal ({@code GET /_emulator/requests}): the latest calls to the API. */
    private void journal(Exchange ex, StringBuilder main) {
        JsonNode journal;
        try {
            journal = api.admin(ex.req(), "/requests", Map.of("limit", List.of("12"), "path_prefix", List.of("/v1")));
        } catch (IllegalStateException e) {
            return; // no journal in this build
        }
        main.append("<section class=\"card\"><h2>Recent API requests</h2>");
        JsonNode docs = journal.path("docs");
        if (docs.isEmpty()) {
            main.append("<p class=\"muted\">No API request yet.</p></section>");
            return;
        }
        main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Method</th>")
                .append("<th scope=\"col\">Path</th><th scope=\"col\">Status</th><th scope=\"col\">Time</th>")
                .append("</tr></thead><tbody>");
        for (JsonNode r : docs) {
            String time = r.path("time").asString("");
            int status = r.path("status").asInt();
            main.append("<tr><td>")
                    .append(Html.esc(time.length() >= 19 ? time.substring(11, 19) : time))
                    .append("</td><td>")
                    .append(Html.esc(r.path("method").asString()))
                    .append("</td><td><code>")
                    .append(Html.esc(r.path("path").asString()))
                    .append("</code></td><td><span class=\"pill ")
                    .append(status >= 400 ? "error" : "completed")
                    .append("\">")
                    .append(status)
                    .append("</span></td><td>")
                    .append(r.path("latency_ms").asLong())
                    .append(" ms</td></tr>");
        }
        main.append("</tbody></table></section>");
    }

    void tasks(Exchange ex) throws IOException {
        Viewer viewer = requireManager(ex);
        Map<String, List<String>> params = new LinkedHashMap<>();
        ex.req().getParameterMap().forEach((k, v) -> {
            List<String> values = new ArrayList<>();
            for (String s : v) {
                if (!s.isBlank()) {
                    values.add(s);
                }
            }
            if (!values.isEmpty()) {
                params.put(k, values);
            }
        });
        params.putIfAbsent("limit", List.of("25"));
        StringBuilder main = new StringBuilder("<div class=\"page-head\"><div><p class=\"eyebrow\">Dashboard</p>")
                .append("<h1>Tasks</h1></div></div>");
        TaskTable.filters(main, params);
        try {
            JsonNode page = api.v1(ex.req(), viewer.caller(), "/tasks", params);
            TaskTable.rows(main, page, params);
        } catch (ApiError e) {
            main.append("<p class=\"alert\" role=\"alert\">")
                    .append(Html.esc(e.getMessage()))
                    .append("</p>");
        }
        ex.html(200, Layout.page("Tasks", viewer, "Dashboard", main.toString()));
    }

    void task(Exchange ex, TaskPages tasks, String taskId) throws IOException {
        Viewer viewer = requireManager(ex);
        JsonNode task = tasks.load(viewer, taskId);
        JsonNode callbacks = api.admin(ex.req(), "/callbacks", Map.of("task_id", List.of(taskId)));
        String main = TaskTable.detail(task, callbacks.path("docs"));
        ex.html(200, Layout.page("Task " + taskId, viewer, "Dashboard", main));
    }

    static Viewer requireManager(Exchange ex) {
        if (!ex.viewer().isManager()) {
            throw WebError.forbidden("The dashboard is for managers and admins.");
        }
        return ex.viewer();
    }
}
