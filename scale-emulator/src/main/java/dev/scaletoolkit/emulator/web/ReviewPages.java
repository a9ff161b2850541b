package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.studio.Consensus;
import dev.scaletoolkit.emulator.studio.Rework;
import dev.scaletoolkit.emulator.task.TaskReviews;
import dev.scaletoolkit.emulator.team.Teammates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Managers' review: completed tasks nobody audited yet, one task's answer with accept or reject and a comment
 * (the same audit as {@code POST /v1/task/{id}/audit}), and the labelers' quality (training) attempts.
 */
final class ReviewPages {
    private final EmulatorContext context;
    private final ApiReads api;
    private final TaskPages tasks;
    private final TaskReviews reviews;
    private final Teammates teammates;
    private final Rework rework;
    private final Consensus consensus;

    ReviewPages(
            EmulatorContext context,
            ApiReads api,
            TaskPages tasks,
            TaskReviews reviews,
            Teammates teammates,
            Rework rework,
            Consensus consensus) {
        this.consensus = consensus;
        this.rework = rework;
        this.teammates = teammates;
        this.context = context;
        this.api = api;
        this.tasks = tasks;
        this.reviews = reviews;
    }

    void list(Exchange ex) throws IOException {
        Viewer viewer = requireManager(ex);
        JsonNode waiting = api.v1(
                ex.req(),
                viewer.caller(),
                "/tasks",
                Map.of(
                        "status",
                        List.of("completed"),
                        "customer_review_status",
                        List.of("pending"),
                        "limit",
                        List.of("50")));
        JsonNode reviewed = api.v1(
                ex.req(),
                viewer.caller(),
                "/tasks",
                Map.of("customer_review_status", List.of("accepted", "rejected"), "limit", List.of("10")));
        StringBuilder main = new StringBuilder("<div class=\"page-head\"><div><p class=\"eyebrow\">Quality</p>")
                .append("<h1>Review</h1></div></div>");
        ex.param("notice")
                .ifPresent(n -> main.append("<p class=\"notice\" role=\"status\">Task ")
                        .append(Html.esc(n))
                        .append(".</p>"));
        main.append("<section class=\"card\"><h2>Waiting for review <span class=\"count\">")
                .append(waiting.path("total").asInt())
                .append("</span></h2>");
        taskTable(main, waiting, true);
        main.append("</section><section class=\"card\"><h2>Recently reviewed</h2>");
        taskTable(main, reviewed, false);
        main.append("</section>");
        quality(ex, viewer, main);
        ex.html(200, Layout.page("Review", viewer, "Review", main.toString()));
    }

    private void quality(Exchange ex, Viewer viewer, StringBuilder main) {
        List<String> emails = new ArrayList<>();
        teammates.members(viewer.accountId()).forEach(m -> emails.add(m.email()));
        JsonNode attempts = api.v1(
                ex.req(),
                viewer.caller(),
                "/quality/labelers",
                Map.of("labeler_emails", emails, "limit", List.of("20")));
        main.append("<section class=\"card\"><h2>Quality attempts</h2>");
        if (attempts.path("docs").isEmpty()) {
            main.append("<p class=\"muted\">No labeler has worked on a quality task yet.</p></section>");
            return;
        }
        main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">Labeler</th><th scope=\"col\">Quality task")
                .append("</th><th scope=\"col\">Result</th><th scope=\"col\">When</th></tr></thead><tbody>");
        for (JsonNode a : attempts.path("docs")) {
            main.append("<tr><td>")
                    .append(Html.esc(
                            a.path("labeler_email").asString(a.path("email").asString())))
                    .append("</td><td><code>")
                    .append(Html.esc(a.path("quality_task_id").asString()))
                    .append("</code></td><td>")
                    .append(Html.esc(result(a)))
                    .append("</td><td>")
                    .append(Html.esc(a.path("created_at").asString()))
                    .append("</td></tr>");
        }
        main.append("</tbody></table></section>");
    }

    private static String result(JsonNode attempt) {
        for (String key : List.of("result", "status", "score", "passed")) {
            if (attempt.has(key) && attempt.get(key).isValueNode()) {
                return key + ": " + attempt.get(key).asString();
            }
        }
        return "recorded";
    }

    private static void taskTable(StringBuilder main, JsonNode page, boolean review) {
        if (page.path("docs").isEmpty()) {
            main.append("<p class=\"muted\">")
                    .append(review ? "All caught up." : "Nothing reviewed yet.")
                    .append("</p>");
            return;
        }
        main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">Task</th><th scope=\"col\">Project</th>")
                .append("<th scope=\"col\">Type</th><th scope=\"col\">")
                .append(review ? "Completed" : "Review")
                .append("</th><th scope=\"col\"><span class=\"sr-only\">Action</span></th></tr></thead><tbody>");
        for (JsonNode t : page.path("docs")) {
            String id = t.path("task_id").asString();
            main.append("<tr><td><code>")
                    .append(Html.esc(id))
                    .append("</code></td><td>")
                    .append(Html.esc(t.path("project").asString("—")))
                    .append("</td><td>")
                    .append(Html.esc(t.path("type").asString()))
                    .append("</td><td>");
            if (review) {
                main.append(Html.esc(t.path("completed_at").asString()));
            } else {
                String status = t.path("customer_review_status").asString();
                main.append("<span class=\"pill ")
                        .append(Html.esc(status))
                        .append("\">")
                        .append(Html.esc(status))
                        .append("</span>");
            }
            main.append("</td><td><a href=\"/review/")
                    .append(Html.esc(id))
                    .append("\">")
                    .append(review ? "Review" : "Open")
                    .append("</a></td></tr>");
        }
        main.append("</tbody></table>");
    }

    void show(Exchange ex, String taskId) throws IOException {
        Viewer viewer = requireManager(ex);
        ObjectNode task = tasks.load(viewer, taskId);
        StringBuilder main = new StringBuilder("<div class=\"work\">");
        main.append("<aside class=\"brief\"><p class=\"eyebrow\">Review · ")
                .append(Html.esc(task.path("type").asString()))
                .append("</p><h1>")
                .append(Html.esc(task.path("project").asString("Task")))
                .append("</h1><dl class=\"meta\"><dt>Task</dt><dd><code>")
                .append(Html.esc(taskId))
                .append("</code></dd><dt>Status</dt><dd>")
                .append(Html.esc(task.path("status").asString()))
                .append("</dd><dt>Completed</dt><dd>")
                .append(Html.esc(task.path("completed_at").asString("—")))
                .append("</dd></dl><section class=\"instruction\"><h2>Instructions</h2><div class=\"md\">")
                .append(Markdown.toHtml(task.path("instruction").asString("")))
                .append("</div></section>");
        audits(main, task);
        history(main, rework.history(viewer.accountId(), taskId));
        consensus
                .view(viewer.caller(), taskId)
                .review()
                .ifPresent(r -> main.append("<section id=\"consensus\"><h2>Consensus</h2><p>")
                        .append(r.answers())
                        .append(" answers agreed ")
                        .append(ConsensusPages.percent(r.score()))
                        .append(": <a href=\"/consensus/")
                        .append(Html.esc(taskId))
                        .append("\">see every answer</a>.</p></section>"));
        main.append("</aside><section class=\"editor\" aria-labelledby=\"answer-title\">")
                .append("<h2 id=\"answer-title\">Answer</h2>");
        answer(main, task.path("type").asString(), task.path("params"), task.path("response"));
        if (task.path("status").asString().equals("completed")) {
            main.append("<form method=\"post\" action=\"/review/")
                    .append(Html.esc(taskId))
                    .append("\" class=\"review-form stack\">")
                    .append(Html.csrfField(viewer.csrfToken()))
                    .append("<label for=\"comments\">Comment for the labeler</label>")
                    .append("<textarea id=\"comments\" name=\"comments\" rows=\"3\"></textarea>")
                    .append(sendBackChoice(
                            rework.labelerOf(viewer.caller(), taskId).orElse("")))
                    .append("<div class=\"actions\"><button class=\"primary\" name=\"decision\" value=\"accept\">")
                    .append("Accept</button><button class=\"danger\" name=\"decision\" value=\"reject\">Reject")
                    .append("</button></div></form>");
        }
        main.append("</section></div>");
        ex.html(200, Layout.page("Review " + taskId, viewer, "Review", main.toString()));
    }

    void decide(Exchange ex, String taskId) {
        Viewer viewer = requireManager(ex);
        String decision = ex.param("decision").orElse("");
        if (!decision.equals("accept") && !decision.equals("reject")) {
            throw WebError.badRequest("Choose Accept or Reject.");
        }
        if (decision.equals("reject")) {
            String comment = ex.param("comments")
                    .orElseThrow(() -> WebError.badRequest(
                            "Say what to change in the comment: the labeler sees it" + " when the task comes back."));
            rework.reject(new Rework.Reject(
                    viewer.caller(),
                    taskId,
                    viewer.email(),
                    comment,
                    !"queue".equals(ex.param("send_to").orElse(""))));
            ex.redirect("/review?notice=" + Html.url(taskId + " rejected and sent back"));
            return;
        }
        ObjectNode body = Docs.object();
        body.put("accepted", true);
        ex.param("comments").ifPresent(c -> body.put("comments", c));
        reviews.audit(viewer.caller(), taskId, body, viewer.email());
        ex.redirect("/review?notice=" + Html.url(taskId + (decision.equals("accept") ? " accepted" : " rejected")));
    }

    /** Where a rejected task goes: back to the labeler who answered (when a person did), or to anyone. */
    private static String sendBackChoice(String labeler) {
        StringBuilder out = new StringBuilder(
                        "<fieldset class=\"choices send-to\"><legend>If rejected, send it back to")
                .append("</legend>");
        if (!labeler.isEmpty()) {
            out.append("<label class=\"choice\"><input type=\"radio\" name=\"send_to\" value=\"labeler\" checked>")
                    .append(Html.esc(labeler))
                    .append("</label>");
        }
        return out.append("<label class=\"choice\"><input type=\"radio\" name=\"send_to\" value=\"queue\"")
                .append(labeler.isEmpty() ? " checked" : "")
                .append(">Anyone on the project (the queue)</label></fieldset>")
                .toString();
    }

    /** Earlier attempts that were rejected, with the answer and the comment of each. */
    private static void history(StringBuilder main, List<Rework.Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        main.append("<section id=\"attempts\"><h2>Attempts</h2><ol class=\"audits\">");
        for (Rework.Attempt a : attempts) {
            main.append("<li><b>Attempt ")
                    .append(a.attempt())
                    .append("</b> by ")
                    .append(Html.esc(a.labeler().orElse("the emulator")))
                    .append(", rejected by ")
                    .append(Html.esc(a.rejectedBy()))
                    .append(" <small>")
                    .append(Html.esc(a.rejectedAt()))
                    .append("</small><blockquote>")
                    .append(Html.esc(a.comment()))
                    .append("</blockquote><p>")
                    .append(
                            a.open()
                                    ? "Waiting for " + Html.esc(a.assignee().orElse("anyone on the project"))
                                    : "Resubmitted by "
                                            + Html.esc(a.resubmittedBy().orElse("—")) + " <small>"
                                            + Html.esc(a.resubmittedAt().orElse("")) + "</small>")
                    .append("</p><details><summary>Rejected answer</summary><pre class=\"json\">")
                    .append(Html.pretty(
                            dev.scaletoolkit.model.jackson.ScaleJson.mapper().readTree(a.response())))
                    .append("</pre></details></li>");
        }
        main.append("</ol></section>");
    }

    private static void audits(StringBuilder main, ObjectNode task) {
        JsonNode audits = task.path("audits");
        if (!audits.isArray() || audits.isEmpty()) {
            return;
        }
        main.append("<section><h2>Audits</h2><ol class=\"audits\">");
        for (JsonNode a : audits) {
            String result = a.path("audit_result").asString();
            main.append("<li><span class=\"pill ")
                    .append(Html.esc(result))
                    .append("\">")
                    .append(Html.esc(result))
                    .append("</span> by ")
                    .append(Html.esc(a.path("audited_by").asString()))
                    .append(" <small>")
                    .append(Html.esc(a.path("audited_at").asString()))
                    .append("</small>");
            if (a.hasNonNull("comments")) {
                main.append("<blockquote>")
                        .append(Html.esc(a.get("comments").asString()))
                        .append("</blockquote>");
            }
            main.append("</li>");
        }
        main.append("</ol></section>");
    }

    /** An answer as the reviewer sees it: drawn on the image (or marked in the text), and as JSON. */
    static void answer(StringBuilder main, String type, JsonNode params, JsonNode response) {
        switch (Editors.kind(type)) {
            case IMAGE -> {
                ObjectNode config = Editors.imageConfig(type, params);
                config.put("readOnly", true);
                config.set("initial", response.path("annotations"));
                main.append(Html.jsonBlock("editor-config", config))
                        .append("<div class=\"canvas-editor readonly\"><div class=\"toolbar\" role=\"toolbar\"")
                        .append(" aria-label=\"View\" id=\"toolbar\"></div><div class=\"stage\"><canvas id=\"canvas\"")
                        .append(" tabindex=\"0\" aria-label=\"The labeler's shapes on the image\"></canvas></div>")
                        .append("<div class=\"side\"><h3>Shapes <span class=\"count\" id=\"count\">0</span></h3>")
                        .append("<ol class=\"shapes\" id=\"shapes\"></ol><ol hidden id=\"labels\"></ol>")
                        .append("<div hidden id=\"attrs\"></div></div></div>")
                        .append("<script src=\"" + StaticFiles.url("image.js") + "\" defer></script>");
            }
            case NER -> {
                String text = params.path("text").asString("");
                main.append("<div class=\"ner-text readonly\">");
                int at = 0;
                for (JsonNode span : response.path("annotations")) {
                    int start = span.path("start").asInt();
                    int end = span.path("end").asInt();
                    if (start < at || end > text.length() || end <= start) {
                        continue;
                    }
                    main.append(Html.esc(text.substring(at, start)))
                            .append("<mark data-label=\"")
                            .append(Html.esc(span.path("label").asString()))
                            .append("\">")
                            .append(Html.esc(text.substring(start, end)))
                            .append("<small>")
                            .append(Html.esc(span.path("label").asString()))
                            .append("</small></mark>");
                    at = end;
                }
                main.append(Html.esc(text.substring(Math.min(at, text.length()))))
                        .append("</div>");
            }
            default -> {}
        }
        main.append("<details")
                .append(Editors.kind(type) == Editors.Kind.IMAGE ? "" : " open")
                .append("><summary>Response JSON</summary><pre class=\"json\">")
                .append(Html.pretty(response))
                .append("</pre></details>");
    }

    private static Viewer requireManager(Exchange ex) {
        if (!ex.viewer().isManager()) {
            throw WebError.forbidden("Only managers and admins review work.");
        }
        return ex.viewer();
    }
}
