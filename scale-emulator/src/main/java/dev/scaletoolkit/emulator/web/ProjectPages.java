package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.project.ConsensusSettings;
import dev.scaletoolkit.emulator.project.Projects;
import dev.scaletoolkit.emulator.store.Docs;
import java.io.IOException;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project's screen for managers ({@code /project?name=…}): its type and its consensus settings, changed through
 * the same {@code setParams} (with {@code patch}) as {@code POST /v1/projects/{name}/setParams}, so the API and the
 * page validate alike.
 */
final class ProjectPages {
    private final Projects projects;

    ProjectPages(Projects projects) {
        this.projects = projects;
    }

    void show(Exchange ex) throws IOException {
        Viewer viewer = requireManager(ex);
        String name = ex.param("name").orElseThrow(() -> WebError.badRequest("Which project? name is missing."));
        ObjectNode project = projects.retrieve(viewer.caller(), name);
        ConsensusSettings settings = ConsensusSettings.of(project);
        render(
                ex,
                viewer,
                project,
                String.valueOf(settings.labelersPerTask()),
                String.valueOf(settings.threshold()),
                ex.param("saved").isPresent() ? "<p class=\"notice\" role=\"status\">Settings saved.</p>" : "",
                200);
    }

    void save(Exchange ex) throws IOException {
        Viewer viewer = requireManager(ex);
        String name = ex.param("name").orElseThrow(() -> WebError.badRequest("Which project? name is missing."));
        String labelers = ex.param("labelers_per_task").orElse("").strip();
        String threshold = ex.param("consensus_threshold").orElse("").strip();
        ObjectNode body = Docs.object();
        body.put("patch", true);
        // Numbers go as numbers; anything else goes as text, so the service's own check names the field.
        try {
            body.put(ConsensusSettings.LABELERS, Integer.parseInt(labelers));
        } catch (NumberFormatException e) {
            body.put(ConsensusSettings.LABELERS, labelers);
        }
        try {
            body.put(ConsensusSettings.THRESHOLD, Double.parseDouble(threshold));
        } catch (NumberFormatException e) {
            body.put(ConsensusSettings.THRESHOLD, threshold);
        }
        try {
            projects.setParams(viewer.caller(), name, body);
        } catch (ApiError e) {
            if (e.status() != 400) {
                throw e;
            }
            ObjectNode project = projects.retrieve(viewer.caller(), name);
            render(
                    ex,
                    viewer,
                    project,
                    labelers,
                    threshold,
                    "<p class=\"alert\" role=\"alert\" id=\"settings-error\">" + Html.esc(e.getMessage()) + "</p>",
                    400);
            return;
        }
        ex.redirect("/project?name=" + Html.url(name) + "&saved=1");
    }

    private static void render(
            Exchange ex,
            Viewer viewer,
            ObjectNode project,
            String labelers,
            String threshold,
            String message,
            int status)
            throws IOException {
        String name = project.path("name").asString();
        StringBuilder main = new StringBuilder("<div class=\"page-head\"><div><p class=\"eyebrow\">Project</p><h1>")
                .append(Html.esc(name))
                .append("</h1></div></div>")
                .append(message)
                .append("<section class=\"card narrow\"><dl class=\"meta\"><dt>Type</dt><dd>")
                .append(Html.esc(project.path("type").asString()))
                .append("</dd><dt>Studio</dt><dd>")
                .append(project.path("studio").asBoolean(false) ? "yes" : "no")
                .append("</dd></dl><h2>Consensus</h2><form method=\"post\" action=\"/project?name=")
                .append(Html.esc(Html.url(name)))
                .append("\" class=\"stack\" id=\"settings\">")
                .append(Html.csrfField(viewer.csrfToken()))
                .append("<label for=\"labelers_per_task\">Labelers per task</label>")
                .append("<input id=\"labelers_per_task\" name=\"labelers_per_task\" inputmode=\"numeric\" value=\"")
                .append(Html.esc(labelers))
                .append("\" aria-describedby=\"labelers-help\"><small id=\"labelers-help\" class=\"muted\">How many")
                .append(" different people answer each task (1 to ")
                .append(ConsensusSettings.MAX_LABELERS)
                .append("). With more than one, the answers are compared before the task completes.</small>")
                .append("<label for=\"consensus_threshold\">Agreement threshold</label>")
                .append("<input id=\"consensus_threshold\" name=\"consensus_threshold\" inputmode=\"decimal\" value=\"")
                .append(Html.esc(threshold))
                .append("\" aria-describedby=\"threshold-help\"><small id=\"threshold-help\" class=\"muted\">From 0")
                .append(" to 1. A task whose answers agree at least this much completes on its own; under it, a")
                .append(" manager decides on the Consensus screen.</small>")
                .append("<div class=\"actions\"><button class=\"primary\">Save settings</button></div></form>")
                .append("</section>");
        ex.html(status, Layout.page("Project " + name, viewer, "Dashboard", main.toString()));
    }

    private static Viewer requireManager(Exchange ex) {
        if (!ex.viewer().isManager()) {
            throw WebError.forbidden("Only managers and admins change project settings.");
        }
        return ex.viewer();
    }
}
