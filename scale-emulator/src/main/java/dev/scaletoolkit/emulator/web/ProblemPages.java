package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.studio.Problems;
import java.io.IOException;
import java.util.List;

/**
 * Reported problems in the browser: the labeler's <em>Report a problem</em> form on every task screen
 * ({@code POST /tasks/{id}/problem}), and the managers' <em>Problems</em> list ({@code /problems}) where each
 * report is fixed (a new attachment URL), canceled or returned to the queue ({@code POST /problems/{id}}).
 */
final class ProblemPages {
    private final Problems problems;
    private final TaskPages tasks;

    ProblemPages(Problems problems, TaskPages tasks) {
        this.problems = problems;
        this.tasks = tasks;
    }

    /** The form on the task screen; open at once (and the reason preset) when the attachment fails to load. */
    static String reportForm(Viewer viewer, String taskId) {
        StringBuilder out = new StringBuilder("<details class=\"problem\" id=\"problem\"><summary>Report a problem")
                .append("</summary><form method=\"post\" action=\"/tasks/")
                .append(Html.esc(taskId))
                .append("/problem\" class=\"stack\" id=\"problem-form\">")
                .append(Html.csrfField(viewer.csrfToken()))
                .append("<label for=\"problem-reason\">What is wrong?</label>")
                .append("<select id=\"problem-reason\" name=\"reason\">");
        for (Problems.Reason r : Problems.Reason.values()) {
            out.append("<option value=\"")
                    .append(r.name().toLowerCase(java.util.Locale.ROOT))
                    .append("\">")
                    .append(Html.esc(r.label()))
                    .append("</option>");
        }
        return out.append("</select><label for=\"problem-comment\">Comment for the manager</label>")
                .append("<textarea id=\"problem-comment\" name=\"comment\" rows=\"3\"></textarea>")
                .append("<button class=\"danger\" id=\"report\">Report problem</button></form></details>")
                .toString();
    }

    void report(Exchange ex, String taskId) {
        Viewer viewer = ex.viewer();
        tasks.load(viewer, taskId);
        String reasonName = ex.param("reason").orElse("");
        Problems.Reason reason = Problems.Reason.parse(reasonName)
                .orElseThrow(() -> WebError.badRequest("Choose what is wrong with the task (reason)."));
        problems.report(new Problems.Report(viewer.caller(), taskId, viewer.email(), reason, ex.raw("comment")));
        ex.redirect("/queue/next?after=reported");
    }

    void list(Exchange ex) throws IOException {
        Viewer viewer = requireManager(ex);
        List<Problems.Problem> open = problems.open(viewer.accountId());
        StringBuilder main = new StringBuilder("<div class=\"page-head\"><div><p class=\"eyebrow\">Quality</p>")
                .append("<h1>Problems</h1></div></div>");
        ex.param("notice")
                .ifPresent(n -> main.append("<p class=\"notice\" role=\"status\">")
                        .append(Html.esc(n))
                        .append("</p>"));
        main.append("<section class=\"card\" id=\"problems\"><h2>Reported by labelers <span class=\"count\">")
                .append(open.size())
                .append("</span></h2>");
        if (open.isEmpty()) {
            main.append("<p class=\"muted\">No open problem. Tasks reported from the task screen wait here, out of")
                    .append(" every queue, until you fix, cancel or return them.</p></section>");
            ex.html(200, Layout.page("Problems", viewer, "Problems", main.toString()));
            return;
        }
        main.append("<ol class=\"problems\">");
        for (Problems.Problem p : open) {
            String id = Html.esc(p.id());
            main.append("<li class=\"problem-item\" data-task=\"")
                    .append(Html.esc(p.taskId()))
                    .append("\"><h3>")
                    .append(Html.esc(p.reason().label()))
                    .append("</h3><p>Task <a href=\"/dashboard/tasks/")
                    .append(Html.esc(p.taskId()))
                    .append("\"><code>")
                    .append(Html.esc(p.taskId()))
                    .append("</code></a>, reported by ")
                    .append(Html.esc(p.reportedBy()))
                    .append(" <small>")
                    .append(Html.esc(p.reportedAt()))
                    .append("</small></p>");
            if (!p.comment().isEmpty()) {
                main.append("<blockquote>").append(Html.esc(p.comment())).append("</blockquote>");
            }
            main.append("<form method=\"post\" action=\"/problems/")
                    .append(id)
                    .append("\" class=\"problem-actions\">")
                    .append(Html.csrfField(viewer.csrfToken()))
                    .append("<label for=\"url-")
                    .append(id)
                    .append("\">New attachment URL</label><input type=\"url\" id=\"url-")
                    .append(id)
                    .append("\" name=\"url\"><div class=\"actions\">")
                    .append("<button class=\"primary\" name=\"action\" value=\"fix\">Fix attachment</button>")
                    .append("<button name=\"action\" value=\"return\">Return to queue</button>")
                    .append("<button class=\"danger\" name=\"action\" value=\"cancel\">Cancel task</button>")
                    .append("</div></form></li>");
        }
        main.append("</ol></section>");
        ex.html(200, Layout.page("Problems", viewer, "Problems", main.toString()));
    }

    void decide(Exchange ex, String problemId) {
        Viewer viewer = requireManager(ex);
        String action = ex.param("action").orElse("");
        String notice;
        switch (action) {
            case "fix" -> {
                String url = ex.param("url")
                        .orElseThrow(() -> WebError.badRequest("Type the new attachment URL before Fix attachment."));
                problems.fixAttachment(viewer.caller(), problemId, url, viewer.email());
                notice = "Attachment fixed; the task is back in the queue.";
            }
            case "return" -> {
                problems.returnTask(viewer.caller(), problemId, viewer.email());
                notice = "The task is back in the queue.";
            }
            case "cancel" -> {
                problems.cancelTask(viewer.caller(), problemId, viewer.email());
                notice = "Task canceled.";
            }
            default -> throw WebError.badRequest("Choose Fix attachment, Return to queue or Cancel task.");
        }
        ex.redirect("/problems?notice=" + Html.url(notice));
    }

    private static Viewer requireManager(Exchange ex) {
        if (!ex.viewer().isManager()) {
            throw WebError.forbidden("Only managers and admins handle reported problems.");
        }
        return ex.viewer();
    }
}
