package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.studio.Agreement;
import dev.scaletoolkit.emulator.studio.Consensus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Managers' consensus screens: the tasks whose answers are all in but agree less than the project's threshold
 * ({@code /consensus}), and one task with its agreement score and every person's answer, where the manager picks
 * one answer or merges them ({@code /consensus/{id}}); the decision completes the task.
 */
final class ConsensusPages {
    private final Consensus consensus;
    private final TaskPages tasks;

    ConsensusPages(Consensus consensus, TaskPages tasks) {
        this.consensus = consensus;
        this.tasks = tasks;
    }

    /** A score as people read it: a whole percentage. */
    static String percent(double score) {
        return Math.round(score * 100) + "%";
    }

    void list(Exchange ex) throws IOException {
        Viewer viewer = requireManager(ex);
        List<Consensus.Review> waiting = consensus.waiting(viewer.accountId());
        StringBuilder main = new StringBuilder("<div class=\"page-head\"><div><p class=\"eyebrow\">Quality</p>")
                .append("<h1>Consensus</h1></div></div>");
        ex.param("notice")
                .ifPresent(n -> main.append("<p class=\"notice\" role=\"status\">Task ")
                        .append(Html.esc(n))
                        .append(".</p>"));
        main.append("<section class=\"card\"><h2>Waiting for your decision <span class=\"count\">")
                .append(waiting.size())
                .append("</span></h2><p class=\"muted\">Tasks several people answered whose agreement is under")
                .append(" the project's threshold. Pick the right answer (or merge them) to complete the task.</p>");
        table(main, waiting, true);
        main.append("</section><section class=\"card\"><h2>Recently decided</h2>");
        table(main, consensus.decided(viewer.accountId(), 10), false);
        main.append("</section>");
        ex.html(200, Layout.page("Consensus", viewer, "Consensus", main.toString()));
    }

    private static void table(StringBuilder main, List<Consensus.Review> reviews, boolean waiting) {
        if (reviews.isEmpty()) {
            main.append("<p class=\"muted\">")
                    .append(waiting ? "Nothing is waiting: every answered task agreed." : "No decision yet.")
                    .append("</p>");
            return;
        }
        main.append("<table class=\"grid\"><thead><tr><th scope=\"col\">Task</th><th scope=\"col\">Answers</th>")
                .append("<th scope=\"col\">Agreement</th><th scope=\"col\">")
                .append(waiting ? "Since" : "Decision")
                .append("</th><th scope=\"col\"><span class=\"sr-only\">Action</span></th></tr></thead><tbody>");
        for (Consensus.Review r : reviews) {
            main.append("<tr><td><code>")
                    .append(Html.esc(r.taskId()))
                    .append("</code></td><td>")
                    .append(r.answers())
                    .append("</td><td>")
                    .append(percent(r.score()))
                    .append(" <small class=\"muted\">(threshold ")
                    .append(percent(r.threshold()))
                    .append(")</small></td><td>");
            if (waiting) {
                main.append(Html.esc(r.createdAt()));
            } else {
                main.append(Html.esc(decision(r)));
            }
            main.append("</td><td><a href=\"/consensus/")
                    .append(Html.esc(r.taskId()))
                    .append("\">")
                    .append(waiting ? "Decide" : "Open")
                    .append("</a></td></tr>");
        }
        main.append("</tbody></table>");
    }

    private static String decision(Consensus.Review r) {
        return switch (r.state()) {
            case REVIEW -> "waiting";
            case AUTO -> "agreed: " + r.chosen().orElse("") + "'s answer";
            case PICKED -> r.decidedBy().orElse("") + " picked " + r.chosen().orElse("") + "'s answer";
            case MERGED -> r.decidedBy().orElse("") + " merged the answers";
        };
    }

    void show(Exchange ex, String taskId) throws IOException {
        Viewer viewer = requireManager(ex);
        ObjectNode task = tasks.load(viewer, taskId);
        Consensus.View view = consensus.view(viewer.caller(), taskId);
        String type = task.path("type").asString();
        List<Consensus.Answer> answers = view.answers();
        Optional<String> shown = ex.param("view")
                .filter(e -> answers.stream().anyMatch(a -> a.email().equals(e)))
                .or(() -> answers.stream().findFirst().map(Consensus.Answer::email));
        boolean open =
                view.review().map(r -> r.state() == Consensus.State.REVIEW).orElse(false);
        StringBuilder main = new StringBuilder("<div class=\"work\"><aside class=\"brief\"><p class=\"eyebrow\">")
                .append("Consensus · ")
                .append(Html.esc(type))
                .append("</p><h1>")
                .append(Html.esc(task.path("project").asString("Task")))
                .append("</h1><dl class=\"meta\"><dt>Task</dt><dd><code>")
                .append(Html.esc(taskId))
                .append("</code></dd><dt>Status</dt><dd>")
                .append(Html.esc(task.path("status").asString()))
                .append("</dd><dt>Labelers per task</dt><dd>")
                .append(view.settings().labelersPerTask())
                .append("</dd><dt>Answers</dt><dd>")
                .append(answers.size())
                .append(" of ")
                .append(view.settings().labelersPerTask())
                .append("</dd><dt>Threshold</dt><dd>")
                .append(percent(view.review()
                        .map(Consensus.Review::threshold)
                        .orElse(view.settings().threshold())))
                .append("</dd><dt>Compared by</dt><dd>")
                .append(Html.esc(method(view.kind())))
                .append("</dd></dl><section class=\"instruction\"><h2>Instructions</h2><div class=\"md\">")
                .append(Markdown.toHtml(task.path("instruction").asString("")))
                .append("</div></section></aside><section class=\"editor\" aria-labelledby=\"answers-title\">");
        main.append("<p class=\"score\" id=\"agreement\">Agreement <b>")
                .append(percent(view.review().map(Consensus.Review::score).orElse(view.score())))
                .append("</b> ")
                .append(Html.esc(verdict(view)))
                .append("</p>");
        main.append("<h2 id=\"answers-title\">Answers</h2>");
        if (answers.isEmpty()) {
            main.append("<p class=\"muted\">Nobody has answered yet.</p>");
        } else {
            main.append("<form method=\"post\" action=\"/consensus/")
                    .append(Html.esc(taskId))
                    .append("\" id=\"decide\">")
                    .append(Html.csrfField(viewer.csrfToken()))
                    .append("<table class=\"grid\" id=\"answers\"><thead><tr><th scope=\"col\">Labeler</th>")
                    .append("<th scope=\"col\">Answer</th><th scope=\"col\">Agreement with the others</th>")
                    .append("<th scope=\"col\"><span class=\"sr-only\">Actions</span></th></tr></thead><tbody>");
            for (int i = 0; i < answers.size(); i++) {
                Consensus.Answer a = answers.get(i);
                main.append("<tr><td>")
                        .append(Html.esc(a.email()))
                        .append("</td><td>")
                        .append(Html.esc(summary(view.kind(), a.response())))
                        .append("</td><td>")
                        .append(percent(view.agreement().get(i)))
                        .append("</td><td><div class=\"row-actions\">");
                if (!shown.map(a.email()::equals).orElse(false)) {
                    main.append("<a href=\"/consensus/")
                            .append(Html.esc(taskId))
                            .append("?view=")
                            .append(Html.esc(Html.url(a.email())))
                            .append("\">Show<span class=\"sr-only\"> ")
                            .append(Html.esc(a.email()))
                            .append("</span></a>");
                } else {
                    main.append("<span class=\"muted\">Shown below</span>");
                }
                if (open) {
                    main.append("<button class=\"primary\" name=\"choice\" value=\"")
                            .append(Html.esc(a.email()))
                            .append("\">Pick<span class=\"sr-only\"> ")
                            .append(Html.esc(a.email()))
                            .append("</span></button>");
                }
                main.append("</div></td></tr>");
            }
            main.append("</tbody></table>");
            if (open && view.kind() == Agreement.Kind.SHAPES) {
                main.append("<div class=\"actions merge\"><button name=\"choice\" value=\"")
                        .append(Consensus.MERGE)
                        .append("\">Merge: keep the boxes most labelers drew</button></div>");
            }
            main.append("</form>");
        }
        view.review()
                .filter(r -> r.state() != Consensus.State.REVIEW)
                .ifPresent(r -> main.append("<p class=\"notice\" role=\"status\" id=\"decision\">Decided: ")
                        .append(Html.esc(decision(r)))
                        .append(".</p>"));
        shown.flatMap(e -> answers.stream().filter(a -> a.email().equals(e)).findFirst())
                .ifPresent(a -> {
                    main.append("<h2>Answer of ").append(Html.esc(a.email())).append("</h2>");
                    ReviewPages.answer(main, type, task.path("params"), a.response());
                });
        main.append("</section></div>");
        ex.html(200, Layout.page("Consensus " + taskId, viewer, "Consensus", main.toString()));
    }

    void decide(Exchange ex, String taskId) {
        Viewer viewer = requireManager(ex);
        tasks.load(viewer, taskId);
        String choice = ex.param("choice")
                .orElseThrow(() -> WebError.badRequest("Pick one of the answers, or merge them (choice)."));
        consensus.decide(new Consensus.Decide(viewer.caller(), taskId, viewer.email(), choice));
        ex.redirect("/consensus?notice="
                + Html.url(taskId + " completed with "
                        + (choice.equals(Consensus.MERGE) ? "the merged answer" : choice + "'s answer")));
    }

    private static String verdict(Consensus.View view) {
        if (view.review().isEmpty()) {
            return "so far: waiting for "
                    + (view.settings().labelersPerTask() - view.answers().size()) + " more answer(s)";
        }
        Consensus.Review r = view.review().get();
        return r.state() == Consensus.State.AUTO
                ? "(at or above the threshold: completed on its own)"
                : r.state() == Consensus.State.REVIEW
                        ? "(under the " + percent(r.threshold()) + " threshold: your decision completes the task)"
                        : "(under the threshold: decided by a manager)";
    }

    private static String method(Agreement.Kind kind) {
        return switch (kind) {
            case SHAPES -> "mean IoU of matched shapes";
            case SPANS -> "span-level F1";
            case CATEGORIES -> "share of identical categories";
            case EXACT -> "share of identical responses";
        };
    }

    /** One line about an answer, to compare them at a glance. */
    static String summary(Agreement.Kind kind, JsonNode response) {
        switch (kind) {
            case SHAPES, SPANS -> {
                JsonNode list = response.path("annotations");
                StringBuilder out = new StringBuilder()
                        .append(list.size())
                        .append(kind == Agreement.Kind.SHAPES ? " shape" : " entit")
                        .append(
                                list.size() == 1
                                        ? (kind == Agreement.Kind.SHAPES ? "" : "y")
                                        : (kind == Agreement.Kind.SHAPES ? "s" : "ies"));
                java.util.Map<String, Integer> labels = new java.util.TreeMap<>();
                list.forEach(s -> labels.merge(s.path("label").asString("?"), 1, Integer::sum));
                if (!labels.isEmpty()) {
                    out.append(": ");
                    StringBuilder parts = new StringBuilder();
                    labels.forEach((l, n) -> parts.append(parts.length() == 0 ? "" : ", ")
                            .append(n)
                            .append(' ')
                            .append(l));
                    out.append(parts);
                }
                return out.toString();
            }
            case CATEGORIES -> {
                JsonNode c = response.has("category") ? response.get("category") : response.path("choice");
                return c.isValueNode() ? c.asString() : c.toString();
            }
            default -> {
                String text = response.toString();
                return text.length() > 80 ? text.substring(0, 77) + "…" : text;
            }
        }
    }

    private static Viewer requireManager(Exchange ex) {
        if (!ex.viewer().isManager()) {
            throw WebError.forbidden("Only managers and admins decide consensus tasks.");
        }
        return ex.viewer();
    }
}
