package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.response.Responses;
import dev.scaletoolkit.emulator.studio.Reservations;
import dev.scaletoolkit.emulator.studio.Rework;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The annotation screen of one task: the brief (instruction rendered from Markdown), the editor for the task's
 * type, submit and skip. Task data reaches scripts only as an inert JSON block.
 */
final class AnnotatePage {
    private AnnotatePage() {}

    static String render(
            Viewer viewer,
            ObjectNode task,
            String instruction,
            long seed,
            Reservations.Lease lease,
            java.time.Duration leaseLength,
            JsonNode draft,
            Rework.Attempt sentBack,
            LabelerQueue.Position position) {
        String id = task.path("task_id").asString();
        String type = task.path("type").asString();
        JsonNode params = task.path("params");
        Editors.Kind kind = Editors.kind(type, params);
        StringBuilder main = new StringBuilder(8192);
        main.append("<div class=\"work\">");
        brief(main, task, instruction, lease, leaseLength, position);
        if (sentBack != null) {
            if (draft == null) {
                draft = previousAnswer(kind, task.path("response"));
            }
        }
        if (draft != null) {
            // Restored by the editors (image.js, ner.js) or, for forms, by app.js field by field.
            main.append(Html.jsonBlock("draft", draft));
        }
        main.append("<section class=\"editor\" aria-labelledby=\"editor-title\">")
                .append("<h2 id=\"editor-title\" class=\"sr-only\">Annotation</h2>")
                // Shown by app.js when an attachment fails to load: submit is then disabled.
                .append("<p class=\"alert\" id=\"asset-alert\" role=\"alert\" hidden></p>");
        if (sentBack != null) {
            main.append("<section class=\"rework\" id=\"rework\" aria-labelledby=\"rework-title\">")
                    .append("<h2 id=\"rework-title\">Sent back for rework</h2><p>")
                    .append(Html.esc(sentBack.rejectedBy()))
                    .append(" rejected attempt ")
                    .append(sentBack.attempt())
                    .append(":</p><blockquote>")
                    .append(Html.esc(sentBack.comment()))
                    .append("</blockquote><p class=\"muted\">Your previous answer is loaded below: correct it and"
                            + " submit again.</p></section>");
        }
        main.append("<form method=\"post\" action=\"/tasks/")
                .append(Html.esc(id))
                .append("/submit\" id=\"submit-form\" class=\"answer\">")
                .append(Html.csrfField(viewer.csrfToken()));
        switch (kind) {
            case IMAGE -> canvasEditor(main, "image", Editors.imageConfig(type, params), true);
            case VIDEO -> canvasEditor(main, "image", Editors.videoConfig(type, params), true);
            case SEGMENT -> canvasEditor(main, "segment", Editors.segmentConfig(params), false);
            case NER -> ner(main, Editors.nerConfig(params));
            case CATEGORIZE -> Forms.categorize(main, params);
            case COMPARE -> Forms.compare(main, params);
            case COLLECT -> Forms.collect(main, params);
            case TRANSCRIBE -> Forms.transcribe(main, params);
            case STRUCTURED -> structured(main, task, seed);
        }
        main.append("<div class=\"actions\"><button class=\"primary\" id=\"submit\">Submit <kbd>Enter</kbd>")
                .append("</button><span id=\"status\" class=\"muted\" role=\"status\" aria-live=\"polite\"></span>")
                .append("</div></form>")
                .append("<form method=\"post\" action=\"/queue/skip\" id=\"skip-form\" class=\"skip-form\">")
                .append(Html.csrfField(viewer.csrfToken()))
                .append("<input type=\"hidden\" name=\"task_id\" value=\"")
                .append(Html.esc(id))
                .append("\"><button class=\"ghost\">Skip <kbd>S</kbd></button></form>")
                .append(ProblemPages.reportForm(viewer, id))
                .append("</section></div>");
        return main.toString();
    }

    private static void brief(
            StringBuilder main,
            ObjectNode task,
            String instruction,
            Reservations.Lease lease,
            java.time.Duration leaseLength,
            LabelerQueue.Position position) {
        main.append("<aside class=\"brief\" aria-labelledby=\"task-title\"><p class=\"eyebrow\">")
                .append(Html.esc(task.path("type").asString()))
                .append("</p><h1 id=\"task-title\">")
                .append(Html.esc(task.path("project").asString("Task")))
                .append("</h1>");
        if (position != null) {
            main.append("<p class=\"position\" id=\"position\">")
                    .append(Html.esc(position.text()))
                    .append("</p>");
        }
        main.append("<dl class=\"meta\"><dt>Task</dt><dd><code>")
                .append(Html.esc(task.path("task_id").asString()))
                .append("</code></dd>");
        if (task.hasNonNull("batch")) {
            main.append("<dt>Batch</dt><dd>")
                    .append(Html.esc(task.get("batch").asString()))
                    .append("</dd>");
        }
        // The page renews the lease while it is open (app.js); the alert says so if someone else got the task.
        main.append("<dt>Reserved</dt><dd><span id=\"lease\" data-url=\"/tasks/")
                .append(Html.esc(task.path("task_id").asString()))
                .append("/lease\" data-seconds=\"")
                .append(leaseLength.toSeconds())
                .append("\">for you until <time datetime=\"")
                .append(Html.esc(lease.expiresAt().toString()))
                .append("\">")
                .append(Html.esc(ReservationPages.clock(lease.expiresAt())))
                .append("</time></span><span id=\"lease-alert\" class=\"alert\" role=\"alert\" hidden></span>")
                .append("</dd>");
        main.append("<dt>Draft</dt><dd><span id=\"draft-status\" class=\"muted\" role=\"status\">")
                .append("</span></dd>");
        main.append("</dl><section class=\"instruction\" aria-labelledby=\"instruction-title\">")
                .append("<h2 id=\"instruction-title\">Instructions</h2><div class=\"md\">");
        String html = Markdown.toHtml(instruction);
        main.append(html.isEmpty() ? "<p class=\"muted\">This task has no instruction.</p>" : html)
                .append("</div></section></aside>");
    }

    private static void canvasEditor(StringBuilder main, String script, ObjectNode config, boolean shapes) {
        String first =
                config.path("frames").path(0).asString(config.path("image").asString(""));
        if (!first.isEmpty()) {
            // The browser starts on the image while it still reads the page and the editor's script.
            main.append("<link rel=\"preload\" as=\"image\" href=\"")
                    .append(Html.esc(first))
                    .append("\">");
        }
        main.append(Html.jsonBlock("editor-config", config))
                .append("<input type=\"hidden\" name=\"response\" id=\"response\">")
                .append("<div class=\"canvas-editor\"><div class=\"toolbar\" role=\"toolbar\" aria-label=\"Tools\"")
                .append(" id=\"toolbar\"></div><div class=\"stage\"><canvas id=\"canvas\" tabindex=\"0\"")
                .append(" aria-label=\"Image to annotate. Press question mark for keyboard shortcuts.\">")
                .append("</canvas><p class=\"hint\" id=\"hint\"></p></div>")
                .append("<div class=\"side\"><h3 id=\"labels-title\">Labels</h3>")
                .append(labelSearch(labelCount(config)))
                .append("<ol class=\"labels\" id=\"labels\" aria-labelledby=\"labels-title\"></ol>");
        if (shapes) {
            main.append("<h3>Selected shape</h3><div id=\"attrs\" class=\"attrs\">")
                    .append("<p class=\"muted\">Nothing selected.</p></div>")
                    .append("<h3>Shapes <span class=\"count\" id=\"count\">0</span></h3>")
                    .append("<ol class=\"shapes\" id=\"shapes\"></ol>");
        }
        main.append("</div></div><script src=\"")
                .append(StaticFiles.url(script + ".js"))
                .append("\" defer></script>");
    }

    /** Screens with more labels than number keys get a filter box (app.js; press / to reach it). */
    static final int SEARCH_ABOVE = 9;

    /** How many different labels an editor configuration offers (all tools together). */
    static int labelCount(JsonNode config) {
        java.util.Set<String> names = new java.util.HashSet<>();
        config.path("labels").forEach(l -> names.add(l.asString()));
        config.path("tools").forEach(t -> t.path("labels").forEach(l -> names.add(l.asString())));
        return names.size();
    }

    /** The label filter, when there are more than {@link #SEARCH_ABOVE} labels. */
    static String labelSearch(int labels) {
        if (labels <= SEARCH_ABOVE) {
            return "";
        }
        return "<div class=\"label-search\"><input type=\"search\" id=\"label-search\" autocomplete=\"off\""
                + " aria-label=\"Filter labels\" aria-controls=\"labels\" aria-keyshortcuts=\"/\""
                + " aria-describedby=\"label-search-hint\" placeholder=\"Filter " + labels + " labels (/)\">"
                + "<p class=\"sr-only\" id=\"label-search-hint\">Type to filter the labels; Enter picks the first"
                + " match, the arrow keys move through the matches, Escape clears.</p>"
                + "<p class=\"muted small\" id=\"label-search-count\" role=\"status\"></p></div>";
    }

    private static void ner(StringBuilder main, ObjectNode config) {
        main.append(Html.jsonBlock("editor-config", config))
                .append("<input type=\"hidden\" name=\"response\" id=\"response\">")
                .append("<div class=\"ner\"><div><p class=\"hint\">Select words with the mouse (double-click takes")
                .append(" one word), then press a label's number. Click an entity to select it; Delete removes")
                .append(" it.</p><div class=\"ner-text\" id=\"ner-text\" tabindex=\"0\"")
                .append(" aria-label=\"Text to annotate\"></div></div>")
                .append("<div class=\"side\"><h3 id=\"labels-title\">Labels</h3>")
                .append(labelSearch(labelCount(config)))
                .append("<ol class=\"labels\" id=\"labels\" aria-labelledby=\"labels-title\"></ol>")
                .append("<h3>Entities <span class=\"count\" id=\"count\">0</span></h3>")
                .append("<ol class=\"shapes\" id=\"shapes\"></ol></div></div>")
                .append("<script src=\"" + StaticFiles.url("ner.js") + "\" defer></script>");
    }

    private static void structured(StringBuilder main, ObjectNode task, long seed) {
        // A draft from the task's own params gives the labeler every field in the shape Scale returns.
        ObjectNode draft = Responses.generate(task, seed);
        main.append("<div class=\"structured\"><label for=\"response\">Response (JSON)</label>")
                .append("<p class=\"hint\" id=\"structured-hint\">This type has no drawing tool here. The draft")
                .append(" below follows the response format of <code>")
                .append(Html.esc(task.path("type").asString()))
                .append("</code> and was filled from the task's params: check and correct every value, frame by")
                .append(" frame, before submitting.</p><textarea id=\"response\" name=\"response\" rows=\"24\"")
                .append(" spellcheck=\"false\" aria-describedby=\"structured-hint\">")
                .append(Html.pretty(draft))
                .append("</textarea></div>");
    }

    /**
     * The rejected answer in the shape of a draft, so the screen opens with it: shapes, entities, or form fields
     * (one per top-level value), or the mask. Video answers behind a response URL are not preloaded.
     */
    static ObjectNode previousAnswer(Editors.Kind kind, JsonNode response) {
        ObjectNode out = dev.scaletoolkit.emulator.store.Docs.object();
        out.put("previous", true);
        var fields = out.putArray("fields");
        JsonNode annotations = response.path("annotations");
        switch (kind) {
            case IMAGE ->
                out.putObject("editor").set("shapes", annotations.isArray() ? annotations : fields.arrayNode());
            case VIDEO -> {
                if (annotations.isArray()) {
                    var frames = out.putObject("editor").putArray("frames");
                    annotations.forEach(f -> frames.add(f.path("annotations")));
                } else {
                    out.putNull("editor");
                }
            }
            case NER -> out.putObject("editor").set("spans", annotations.isArray() ? annotations : fields.arrayNode());
            case STRUCTURED -> {
                out.putNull("editor");
                fields.addArray().add("response").add(Html.prettyText(response));
            }
            case SEGMENT -> {
                // The painter restores a mask in the answer's own indexedImage encoding.
                JsonNode indexed = annotations.path("combined").path("indexedImage");
                if (indexed.isObject()) {
                    out.putObject("editor").set("mask", indexed);
                } else {
                    out.putNull("editor");
                }
            }
            default -> {
                out.putNull("editor");
                response.properties().forEach(e -> {
                    JsonNode v = e.getValue();
                    if (v.isValueNode()) {
                        fields.addArray().add(e.getKey()).add(v.asString());
                    } else if (v.isArray()) {
                        v.forEach(item -> {
                            if (item.isValueNode()) {
                                fields.addArray().add(e.getKey()).add(item.asString());
                            }
                        });
                    }
                });
            }
        }
        return out;
    }

    /** The labels a form shows, in order. */
    static List<String> labels(JsonNode list, String fallback) {
        List<String> names = Choices.leaves(list);
        return names.isEmpty() ? List.of(fallback) : names;
    }
}
