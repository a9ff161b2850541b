package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.studio.Drafts;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The annotation screen's draft saves ({@code POST /tasks/{id}/draft}, a form with the screen's JSON in
 * {@code draft}), answered in JSON for the page's script: 200 with the time saved, or 409 when someone else holds
 * the task now.
 */
final class DraftPages {
    private final Drafts drafts;
    private final TaskPages tasks;

    DraftPages(Drafts drafts, TaskPages tasks) {
        this.drafts = drafts;
        this.tasks = tasks;
    }

    void save(Exchange ex, String taskId) throws IOException {
        Viewer viewer = ex.viewer();
        JsonNode task = tasks.load(viewer, taskId);
        ObjectNode out = Docs.object();
        if (!task.path("status").asString().equals("pending")) {
            out.put("saved", false);
            out.put("message", "This task is " + task.path("status").asString() + "; the draft was not saved.");
            ex.json(409, out);
            return;
        }
        String json = ex.raw("draft");
        try {
            if (!(ScaleJson.mapper().readTree(json) instanceof ObjectNode)) {
                throw WebError.badRequest("draft must be a JSON object.");
            }
        } catch (JacksonException e) {
            throw WebError.badRequest("draft is not valid JSON: " + e.getOriginalMessage());
        }
        Drafts.Saved saved = drafts.save(new Drafts.Save(viewer.accountId(), taskId, viewer.email(), json));
        out.put("saved", saved.saved());
        out.put("until", ReservationPages.clock(saved.lease().expiresAt()));
        out.put("expires_at", saved.lease().expiresAt().toString());
        if (saved.saved()) {
            out.put("saved_at", saved.savedAt());
        } else {
            out.put("message", "Your reservation ended: " + saved.lease().email() + " is working on this task now.");
        }
        ex.json(saved.saved() ? 200 : 409, out);
    }

    /** The viewer's draft of the task as the page embeds it, or null. */
    JsonNode draftOf(Viewer viewer, String taskId) {
        return drafts.find(viewer.accountId(), taskId, viewer.email())
                .map(d -> {
                    try {
                        ObjectNode node = (ObjectNode) ScaleJson.mapper().readTree(d.json());
                        node.put("saved_at", d.savedAt());
                        return (JsonNode) node;
                    } catch (RuntimeException e) {
                        return null;
                    }
                })
                .orElse(null);
    }
}
