package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.store.Docs;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The screens that are plain HTML forms (categorization, comparison, text collection, document transcription):
 * rendering from the task's params, and reading the posted fields back into Scale's response format.
 */
final class Forms {
    private Forms() {}

    // ---- rendering ----

    static void categorize(StringBuilder out, JsonNode params) {
        boolean multiple = params.path("allow_multiple").asBoolean(false);
        attachment(out, params.path("attachment").asString(""));
        choiceSet(
                out,
                "category",
                multiple ? "Categories (pick all that apply)" : "Category",
                AnnotatePage.labels(params.get("categories"), "uncategorized"),
                multiple);
    }

    static void compare(StringBuilder out, JsonNode params) {
        out.append("<div class=\"compare\">");
        int i = 0;
        for (JsonNode a : params.path("attachments")) {
            i++;
            out.append("<figure class=\"option\"><figcaption>Option ").append(i).append("</figcaption>");
            String content =
                    a.isString() ? a.stringValue() : a.path("attachment").asString(a.toString());
            String url = Editors.imageUrl(content);
            if (!url.isEmpty()) {
                out.append("<img src=\"")
                        .append(Html.esc(url))
                        .append("\" alt=\"Option ")
                        .append(i)
                        .append("\">");
            } else {
                out.append("<p>").append(Html.esc(content)).append("</p>");
            }
            out.append("</figure>");
        }
        out.append("</div>");
        choiceSet(out, "choice", "Your choice", AnnotatePage.labels(params.get("choices"), "yes"), false);
    }

    static void collect(StringBuilder out, JsonNode params) {
        attachment(out, params.path("attachment").asString(""));
        for (JsonNode a : params.path("attachments")) {
            String content = a.isString() ? a.stringValue() : a.path("content").asString("");
            String kind = a.path("type").asString("text");
            if (kind.equals("website") && !Editors.imageUrl(content).isEmpty()) {
                out.append("<p class=\"attachment-text\"><a href=\"")
                        .append(Html.esc(content))
                        .append("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">")
                        .append(Html.esc(content))
                        .append("</a></p>");
            } else {
                attachment(out, content);
            }
        }
        out.append("<div class=\"fields\">");
        for (JsonNode field : params.path("fields")) {
            String id = field.path("field_id").asString("");
            if (id.isEmpty()) {
                continue;
            }
            String name = "field." + id;
            String label = field.path("title").asString(id);
            String type = field.path("type").asString("text");
            boolean required = field.path("required").asBoolean(false);
            List<Choices.Option> options = Choices.options(field.get("choices"));
            if (type.equals("category") && !options.isEmpty()) {
                optionSet(
                        out, name, label, options, field.path("allow_multiple").asBoolean(false));
                continue;
            }
            out.append("<div class=\"field\"><label for=\"")
                    .append(Html.esc(name))
                    .append("\">")
                    .append(Html.esc(label));
            if (required) {
                out.append(" <small>(required)</small>");
            }
            out.append("</label>");
            if (field.hasNonNull("description")) {
                out.append("<p class=\"hint\">")
                        .append(Html.esc(field.get("description").asString()))
                        .append("</p>");
            }
            String attrs =
                    " id=\"" + Html.esc(name) + "\" name=\"" + Html.esc(name) + "\"" + (required ? " required" : "");
            switch (type) {
                case "number" ->
                    out.append("<input type=\"number\" step=\"any\"")
                            .append(attrs)
                            .append('>');
                case "datetime" ->
                    out.append("<input type=\"datetime-local\"").append(attrs).append('>');
                case "date" -> out.append("<input type=\"date\"").append(attrs).append('>');
                case "boolean", "checkbox" ->
                    out.append("<input type=\"checkbox\" value=\"true\"")
                            .append(attrs)
                            .append('>');
                default -> out.append("<textarea rows=\"2\"").append(attrs).append("></textarea>");
            }
            out.append("</div>");
        }
        out.append("</div>");
    }

    static void transcribe(StringBuilder out, JsonNode params) {
        List<String> pages = pages(params);
        List<String> features = features(params);
        for (int p = 0; p < pages.size(); p++) {
            out.append("<fieldset class=\"page\"><legend>Page ").append(p + 1).append("</legend>");
            attachment(out, pages.get(p));
            for (int f = 0; f < features.size(); f++) {
                String name = "page." + p + "." + f;
                out.append("<div class=\"field\"><label for=\"")
                        .append(name)
                        .append("\">")
                        .append(Html.esc(features.get(f)))
                        .append("</label><textarea rows=\"3\" id=\"")
                        .append(name)
                        .append("\" name=\"")
                        .append(name)
                        .append("\"></textarea></div>");
            }
            out.append("</fieldset>");
        }
    }

    private static void choiceSet(StringBuilder out, String name, String legend, List<String> choices, boolean many) {
        optionSet(
                out,
                name,
                legend,
                choices.stream().map(c -> new Choices.Option(c, c)).toList(),
                many);
    }

    private static void optionSet(
            StringBuilder out, String name, String legend, List<Choices.Option> choices, boolean many) {
        out.append("<fieldset class=\"choices\"><legend>")
                .append(Html.esc(legend))
                .append("</legend>");
        for (int i = 0; i < choices.size(); i++) {
            String id = Html.esc(name) + "-" + i;
            out.append("<label class=\"choice\" for=\"")
                    .append(id)
                    .append("\"><input type=\"")
                    .append(many ? "checkbox" : "radio")
                    .append("\" id=\"")
                    .append(id)
                    .append("\" name=\"")
                    .append(Html.esc(name))
                    .append("\" value=\"")
                    .append(Html.esc(choices.get(i).value()))
                    .append("\"")
                    .append(many || i > 0 ? "" : " required")
                    .append(">");
            if (i < 9) {
                out.append("<kbd>").append(i + 1).append("</kbd>");
            }
            out.append("<span>").append(Html.esc(choices.get(i).label())).append("</span></label>");
        }
        out.append("</fieldset>");
    }

    private static void attachment(StringBuilder out, String attachment) {
        String url = Editors.imageUrl(attachment);
        if (!url.isEmpty()) {
            out.append("<img class=\"attachment\" src=\"").append(Html.esc(url)).append("\" alt=\"Task attachment\">");
        } else if (!attachment.isBlank()) {
            out.append("<blockquote class=\"attachment-text\">")
                    .append(Html.esc(attachment))
                    .append("</blockquote>");
        }
    }

    private static List<String> pages(JsonNode params) {
        List<String> pages = new ArrayList<>();
        for (JsonNode a : params.path("attachments")) {
            pages.add(a.isString() ? a.stringValue() : a.path("attachment").asString(""));
        }
        if (pages.isEmpty()) {
            pages.add(params.path("attachment").asString(""));
        }
        return pages;
    }

    private static List<String> features(JsonNode params) {
        List<String> names = new ArrayList<>();
        for (JsonNode f : params.path("features")) {
            String name = Choices.name(f);
            names.add(name != null ? name : f.path("type").asString("text"));
        }
        return names.isEmpty() ? List.of("text") : names;
    }

    // ---- reading answers ----

    static ObjectNode categorizeAnswer(Exchange ex, JsonNode params) {
        List<String> allowed = AnnotatePage.labels(params.get("categories"), "uncategorized");
        List<String> picked = picked(ex, "category", allowed);
        ObjectNode out = Docs.object();
        if (params.path("allow_multiple").asBoolean(false)) {
            ArrayNode list = out.putArray("category");
            picked.forEach(list::add);
        } else {
            out.put("category", picked.get(0));
        }
        return out;
    }

    static ObjectNode compareAnswer(Exchange ex, JsonNode params) {
        ObjectNode out = Docs.object();
        out.put(
                "choice",
                picked(ex, "choice", AnnotatePage.labels(params.get("choices"), "yes"))
                        .get(0));
        return out;
    }

    static ObjectNode collectAnswer(Exchange ex, JsonNode params) {
        ObjectNode out = Docs.object();
        for (JsonNode field : params.path("fields")) {
            String id = field.path("field_id").asString("");
            if (id.isEmpty()) {
                continue;
            }
            String name = "field." + id;
            String type = field.path("type").asString("text");
            List<String> choices = Choices.options(field.get("choices")).stream()
                    .map(Choices.Option::value)
                    .toList();
            String title = field.path("title").asString(id);
            if (type.equals("category") && !choices.isEmpty()) {
                List<String> picked = ex.req().getParameterValues(name) == null
                                && !field.path("required").asBoolean()
                        ? List.of()
                        : picked(ex, name, choices);
                if (field.path("allow_multiple").asBoolean(false)) {
                    ArrayNode list = out.putArray(id);
                    picked.forEach(list::add);
                } else if (!picked.isEmpty()) {
                    out.put(id, picked.get(0));
                }
                continue;
            }
            String value = ex.raw(name).strip();
            if (value.isEmpty()) {
                if (field.path("required").asBoolean(false) && !type.equals("boolean") && !type.equals("checkbox")) {
                    throw WebError.badRequest("\"" + title + "\" is required.");
                }
                if (type.equals("boolean") || type.equals("checkbox")) {
                    out.put(id, false);
                }
                continue;
            }
            switch (type) {
                case "number" -> {
                    try {
                        out.put(id, new java.math.BigDecimal(value));
                    } catch (NumberFormatException e) {
                        throw WebError.badRequest("\"" + title + "\" must be a number, got \"" + value + "\".");
                    }
                }
                case "boolean", "checkbox" -> out.put(id, value.equals("true"));
                default -> out.put(id, value);
            }
        }
        return out;
    }

    static ObjectNode transcribeAnswer(Exchange ex, JsonNode params) {
        List<String> pages = pages(params);
        List<String> features = features(params);
        ObjectNode out = Docs.object();
        ArrayNode annotations = out.putArray("annotations");
        ArrayNode texts = out.putArray("pages");
        for (int p = 0; p < pages.size(); p++) {
            StringBuilder full = new StringBuilder();
            for (int f = 0; f < features.size(); f++) {
                String text = ex.raw("page." + p + "." + f).strip();
                ObjectNode a = annotations.addObject();
                a.put("uuid", UUID.randomUUID().toString());
                a.put("type", "block");
                a.put("page", p);
                a.put("label", features.get(f));
                a.put("text", text);
                full.append(full.length() == 0 ? "" : "\n").append(text);
            }
            ObjectNode page = texts.addObject();
            page.put("page", p);
            page.put("text", full.toString());
        }
        return out;
    }

    private static List<String> picked(Exchange ex, String name, List<String> allowed) {
        String[] values = ex.req().getParameterValues(name);
        if (values == null || values.length == 0) {
            throw WebError.badRequest("Pick one of: " + String.join(", ", allowed) + ".");
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw WebError.badRequest("\"" + v + "\" is not one of: " + String.join(", ", allowed) + ".");
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }
}
