package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.studio.Consensus;
import dev.scaletoolkit.emulator.studio.LabelerSubmissions;
import dev.scaletoolkit.emulator.studio.Problems;
import dev.scaletoolkit.emulator.studio.Reservations;
import dev.scaletoolkit.emulator.studio.Rework;
import dev.scaletoolkit.emulator.task.TaskQuery;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The labeler's side: the queue overview, the next task, one task's annotation screen, submit and skip. */
final class TaskPages {
    private final EmulatorContext context;
    private final LabelerQueue queue;
    private final LabelerSubmissions submission;
    private final TaskQuery query;
    private final Reservations reservations;
    private final Problems problems;
    private final Rework rework;
    private final Consensus consensus;
    private DraftPages drafts;

    TaskPages(
            EmulatorContext context,
            LabelerQueue queue,
            LabelerSubmissions submission,
            TaskQuery query,
            Reservations reservations,
            Problems problems,
            Rework rework,
            Consensus consensus) {
        this.consensus = consensus;
        this.problems = problems;
        this.rework = rework;
        this.query = query;
        this.context = context;
        this.queue = queue;
        this.submission = submission;
        this.reservations = reservations;
    }

    /** Drafts are wired after this page (they load tasks through it). */
    void drafts(DraftPages drafts) {
        this.drafts = drafts;
    }

    void queue(Exchange ex) throws IOException {
        Viewer viewer = ex.viewer();
        List<String> projects = queue.projects(viewer);
        List<LabelerQueue.Batch> batches = queue.batches(viewer);
        StringBuilder main = new StringBuilder("<div class=\"page-head\"><div><p class=\"eyebrow\">Your work</p>")
                .append("<h1>Queue</h1></div>");
        if (!projects.isEmpty()) {
            main.append("<a class=\"button primary\" href=\"/queue/next\" id=\"start\">Start labeling</a>");
        }
        main.append("</div>");
        ex.param("notice")
                .ifPresent(n -> main.append("<p class=\"notice\" role=\"status\">")
                        .append(
                                switch (n) {
                                    case "done" -> "Submitted. Nothing is waiting for you right now.";
                                    case "answered" ->
                                        "Your answer is in. The task completes once the other labelers have"
                                                + " answered (and a manager decides, if you disagree). Nothing"
                                                + " else is waiting for you right now.";
                                    case "reported" ->
                                        "Problem reported: a manager will look at it. Nothing else is waiting for"
                                                + " you right now.";
                                    default -> "Nothing to label right now.";
                                })
                        .append("</p>"));
        if (projects.isEmpty()) {
            main.append("<section class=\"card empty\"><h2>No projects yet</h2><p>A manager assigns Studio projects"
                    + " to you with <code>POST /v1/studio/assignments/add</code>; their tasks appear here.</p>");
            if (viewer.isManager()) {
                main.append("<p>As a manager you can also open any task from the <a href=\"/dashboard\">dashboard")
                        .append("</a>.</p>");
            }
            main.append("</section>");
        } else {
            main.append("<section class=\"card\"><h2>Batches in priority order</h2>");
            if (batches.isEmpty()) {
                main.append("<p class=\"muted\">No pending Studio batch in your projects.</p>");
            } else {
                main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Batch</th>")
                        .append("<th scope=\"col\">Project</th><th scope=\"col\">Progress</th></tr></thead><tbody>");
                for (LabelerQueue.Batch b : batches) {
                    main.append("<tr><td>")
                            .append(b.priority())
                            .append("</td><td>")
                            .append(Html.esc(b.name()))
                            .append("</td><td>")
                            .append(Html.esc(b.project()))
                            .append("</td><td>")
                            .append(Progress.bar(b.completed(), b.total(), "of " + b.name()))
                            .append("</td></tr>");
                }
                main.append("</tbody></table>");
            }
            main.append("<h2>Your projects</h2><ul class=\"tags\">");
            projects.forEach(p -> main.append("<li>").append(Html.esc(p)).append("</li>"));
            main.append("</ul></section>");
        }
        ex.html(200, Layout.page("Queue", viewer, "Queue", main.toString()));
    }

    void next(Exchange ex) {
        Optional<String> next = queue.next(ex.req(), ex.viewer());
        ex.redirect(next.map(id -> "/tasks/" + id)
                .orElse("/queue?notice=" + ex.param("after").orElse("empty")));
    }

    void skip(Exchange ex) {
        String taskId = ex.param("task_id").orElseThrow(() -> WebError.badRequest("Which task? task_id is missing."));
        load(ex.viewer(), taskId);
        queue.skip(ex.viewer(), taskId);
        ex.redirect("/queue/next");
    }

    void annotate(Exchange ex, String taskId) throws IOException {
        ObjectNode task = load(ex.viewer(), taskId);
        // A completed task sent back to this labeler (or to anyone) is answered again.
        Rework.Attempt sentBack = task.path("status").asString().equals("completed")
                ? rework.openFor(ex.viewer().accountId(), taskId, ex.viewer().email())
                        .orElse(null)
                : null;
        if (!task.path("status").asString().equals("pending") && sentBack == null) {
            StringBuilder main = new StringBuilder("<section class=\"card narrow\"><h1>Task is ")
                    .append(Html.esc(task.path("status").asString()))
                    .append("</h1><p>Only pending tasks can be labeled.</p><p><a class=\"button primary\"")
                    .append(" href=\"/queue/next\">Next task</a></p></section>");
            ex.html(409, Layout.page("Task finished", ex.viewer(), "Queue", main.toString()));
            return;
        }
        if (problems.reportedTasks(ex.viewer().accountId()).contains(taskId)) {
            String main = "<section class=\"card narrow\"><p class=\"eyebrow\">Reported</p><h1>A problem was"
                    + " reported on this task</h1><p class=\"alert\" role=\"alert\">It waits for a manager on the"
                    + " Problems list and is out of every queue until then.</p><p><a class=\"button primary\""
                    + " href=\"/queue/next\">Next task</a></p></section>";
            ex.html(409, Layout.page("Task reported", ex.viewer(), "Queue", main));
            return;
        }
        if (sentBack == null
                && consensus
                        .closedTo(ex.viewer().accountId(), ex.viewer().email())
                        .contains(taskId)) {
            boolean mine = consensus.answeredBy(
                    ex.viewer().accountId(), taskId, ex.viewer().email());
            String main = "<section class=\"card narrow\"><p class=\"eyebrow\">Consensus</p><h1>"
                    + (mine ? "You answered this task" : "Every answer is in")
                    + "</h1><p class=\"notice\" role=\"status\">"
                    + (mine
                            ? "Several people answer this task; it completes once the others have answered."
                            : "The task has all the answers it needs and waits for a manager's decision.")
                    + "</p><p><a class=\"button primary\" href=\"/queue/next\">Next task</a></p></section>";
            ex.html(409, Layout.page("Task answered", ex.viewer(), "Queue", main));
            return;
        }
        Reservations.Claim claim =
                reservations.hold(ex.viewer().accountId(), taskId, ex.viewer().email());
        if (!claim.granted()) {
            heldByOther(ex, taskId, claim.lease());
            return;
        }
        String main = AnnotatePage.render(
                ex.viewer(),
                task,
                task.path("instruction").asString(""),
                context.config().workforceSeed(),
                claim.lease(),
                reservations.length(),
                drafts.draftOf(ex.viewer(), taskId),
                sentBack,
                queue.position(ex.req(), ex.viewer(), task).orElse(null));
        ex.html(200, Layout.page("Label " + task.path("type").asString(), ex.viewer(), "Queue", main));
    }

    /** Someone else is working on the task: say who and until when (a manager may release it). */
    private void heldByOther(Exchange ex, String taskId, Reservations.Lease lease) throws IOException {
        StringBuilder main = new StringBuilder("<section class=\"card narrow\"><p class=\"eyebrow\">Reserved</p>")
                .append("<h1>Someone else is on this task</h1><p class=\"alert\" role=\"alert\">")
                .append(Html.esc(lease.email()))
                .append(" is working on this task until ")
                .append(Html.esc(ReservationPages.clock(lease.expiresAt())))
                .append(". The queue gives you another one.</p><div class=\"actions\">")
                .append("<a class=\"button primary\" href=\"/queue/next\">Next task</a>");
        if (ex.viewer().isManager()) {
            main.append(ReservationPages.releaseForm(ex.viewer(), taskId, "/tasks/" + taskId));
        }
        main.append("</div></section>");
        ex.html(409, Layout.page("Task reserved", ex.viewer(), "Queue", main.toString()));
    }

    void submit(Exchange ex, String taskId) throws IOException {
        ObjectNode task = load(ex.viewer(), taskId);
        String type = task.path("type").asString();
        JsonNode params = task.path("params");
        JsonNode response = Answers.read(Editors.kind(type, params), type, ex, params);
        boolean anyway = ex.param("anyway").isPresent();
        LabelerSubmissions.Outcome outcome =
                submission.complete(ex.viewer().caller(), ex.viewer().email(), taskId, response, anyway);
        if (outcome.refusal().isEmpty()) {
            boolean kept =
                    outcome.consensus().map(c -> c != Consensus.Step.COMPLETED).orElse(false);
            // Straight to the next task (one redirect, not two): the labeler sees it sooner.
            ex.redirect(queue.next(ex.req(), ex.viewer())
                    .map(id -> "/tasks/" + id)
                    .orElse("/queue?notice=" + (kept ? "answered" : "done")));
            return;
        }
        KeepWorkPage.render(ex, taskId, response, outcome);
    }

    /** The task in the viewer's account, if the viewer may work on it. */
    ObjectNode load(Viewer viewer, String taskId) {
        ObjectNode task = query.find(viewer.caller(), taskId)
                .orElseThrow(() -> WebError.notFound("No task " + taskId + " in your team's account."));
        if (!queue.mayLabel(viewer, task.path("project").asString(null))) {
            throw WebError.forbidden("This task belongs to a project you are not assigned to.");
        }
        return task;
    }
}
