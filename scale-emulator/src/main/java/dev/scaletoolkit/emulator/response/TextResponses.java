package dev.scaletoolkit.emulator.response;

import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.model.ScaleTime;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** Responses for text and form tasks: entities, text collection, document transcription and choices. */
final class TextResponses {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019_-]*");
    private static final int PAGE_WIDTH = 1700;
    private static final int PAGE_HEIGHT = 2200;
    /** Timestamps for date fields fall between 2020-01-01 and 2025-01-01. */
    private static final long EPOCH_2020 = 1577836800L;

    private static final long FIVE_YEARS = 5L * 365 * 24 * 3600;

    private TextResponses() {}

    /**
     * Entity spans over whole words of {@code params.text}: offsets index the text (UTF-16, like JavaScript), the
     * span's {@code text} is exactly that slice, labels come from {@code params.labels}; spans never overlap.
     */
    static ObjectNode entities(JsonNode params, Dice dice) {
        String text = params.path("text").isString() ? params.get("text").stringValue() : "";
        List<String> labels = Labels.leavesOr(params.get("labels"), "ENTITY");
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        // Names and numbers look like entities; other words are used only when the text has none.
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            char first = text.charAt(words.get(i)[0]);
            if (Character.isUpperCase(first) || Character.isDigit(first)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            for (int i = 0; i < words.size(); i++) {
                candidates.add(i);
            }
        }
        TreeSet<Integer> chosen = new TreeSet<>(dice.pickDistinct(candidates, dice.between(1, 4)));
        ObjectNode response = Docs.object();
        ArrayNode annotations = response.putArray("annotations");
        for (int index : chosen) {
            int start = words.get(index)[0];
            int end = words.get(index)[1];
            // Sometimes take the next word too ("New York"), when it is free and one space away.
            if (index + 1 < words.size()
                    && !chosen.contains(index + 1)
                    && words.get(index + 1)[0] == end + 1
                    && text.charAt(end) == ' '
                    && dice.chance(0.3)) {
                end = words.get(index + 1)[1];
            }
            ObjectNode span = annotations.addObject();
            span.put("id", dice.uuid());
            span.put("start", start);
            span.put("end", end);
            span.put("text", text.substring(start, end));
            span.put("label", dice.pick(labels));
        }
        ArrayNode relationships = response.putArray("relationships");
        List<String> kinds = Labels.leaves(params.get("relationships"));
        if (!kinds.isEmpty() && annotations.size() >= 2) {
            ObjectNode link = relationships.addObject();
            link.put("id", dice.uuid());
            link.put("source_ref", annotations.get(0).get("id").stringValue());
            link.put("target_ref", annotations.get(1).get("id").stringValue());
            link.put("name", dice.pick(kinds));
        }
        return response;
    }

    /** One value per entry of {@code params.fields}, keyed by its {@code field_id}, fitting the field's type. */
    static ObjectNode collection(JsonNode params, Dice dice) {
        ObjectNode response = Docs.object();
        for (JsonNode field : params.path("fields")) {
            if (field.path("field_id").isString()) {
                response.set(field.get("field_id").stringValue(), fieldValue(field, dice));
            }
        }
        return response;
    }

    private static JsonNode fieldValue(JsonNode field, Dice dice) {
        int min = Math.max(1, field.path("min_responses_required").asInt(1));
        int max = Math.max(min, field.path("max_responses_required").asInt(min));
        if (max <= 1) {
            return single(field, dice);
        }
        ArrayNode values = ScaleJson.mapper().createArrayNode();
        int count = dice.between(min, Math.min(max, Math.max(min, 5)));
        for (int i = 0; i < count; i++) {
            values.add(single(field, dice));
        }
        return values;
    }

    private static JsonNode single(JsonNode field, Dice dice) {
        String type = field.path("type").isString() ? field.get("type").stringValue() : "text";
        ObjectNode holder = Docs.object();
        switch (type) {
            case "number" -> {
                double min = field.path("min").asDouble(0);
                double max = field.path("max").asDouble(Math.max(min, 100));
                holder.put("v", (long) Math.floor(dice.between(Math.ceil(min), Math.floor(max) + 0.999)));
            }
            case "category" -> {
                List<String> choices = choiceValues(field.get("choices"));
                if (choices.isEmpty()) {
                    holder.put("v", dice.words(1));
                } else if (field.path("allow_multiple").asBoolean(false)) {
                    ArrayNode picked = holder.putArray("v");
                    dice.pickDistinct(choices, dice.between(1, choices.size())).forEach(picked::add);
                } else {
                    holder.put("v", dice.pick(choices));
                }
            }
            case "ranking" -> {
                List<String> choices = choiceValues(field.get("choices"));
                ArrayNode ranked = holder.putArray("v");
                dice.pickDistinct(choices, choices.size()).forEach(ranked::add);
            }
            case "datetime" -> holder.put("v", ScaleTime.format(randomInstant(dice)));
            case "date" ->
                holder.put(
                        "v",
                        LocalDate.ofInstant(randomInstant(dice), java.time.ZoneOffset.UTC)
                                .toString());
            case "boolean", "checkbox" -> holder.put("v", dice.chance(0.5));
            case "field_set" -> {
                ObjectNode set = holder.putObject("v");
                for (JsonNode sub : field.path("fields")) {
                    if (sub.path("field_id").isString()) {
                        set.set(sub.get("field_id").stringValue(), fieldValue(sub, dice));
                    }
                }
            }
            default -> holder.put("v", freeText(field, dice));
        }
        return holder.get("v");
    }

    private static String freeText(JsonNode field, Dice dice) {
        String text = dice.words(dice.between(3, 8));
        int maxChars = field.path("max_characters").asInt(0);
        if (maxChars > 0 && text.length() > maxChars) {
            text = text.substring(0, maxChars).strip();
        }
        int minChars = field.path("min_characters").asInt(0);
        while (text.length() < minChars) {
            text = text + " " + dice.words(1);
        }
        return text;
    }

    /** Category choices of a text-collection field: strings, or {@code {label, value}} objects (the value). */
    private static List<String> choiceValues(JsonNode choices) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : choices == null ? ScaleJson.mapper().createArrayNode() : choices) {
            if (c.isString()) {
                out.add(c.stringValue());
            } else if (c.path("value").isString()) {
                out.add(c.get("value").stringValue());
            } else if (c.isObject() && Labels.name(c) != null) {
                out.add(Labels.name(c));
            }
        }
        return out;
    }

    private static Instant randomInstant(Dice dice) {
        return Instant.ofEpochSecond(EPOCH_2020 + (long) dice.between(0.0, (double) FIVE_YEARS));
    }

    /**
     * Transcribed fields per page: for every page of the document and every requested feature, a located
     * annotation with its text; {@code document_pages} gives each page's size and {@code pages} its full text.
     */
    static ObjectNode transcription(JsonNode params, Dice dice) {
        JsonNode attachments = params.get("attachments");
        int pages = attachments != null && attachments.isArray() && !attachments.isEmpty() ? attachments.size() : 1;
        List<JsonNode> features = new ArrayList<>();
        params.path("features").forEach(features::add);
        if (features.isEmpty()) {
            ObjectNode block = Docs.object();
            block.put("type", "block");
            block.put("label", "text");
            features.add(block);
        }
        boolean polygon = "polygon".equals(params.path("geometry").asString("box"));
        GeometryResponses.Size page = new GeometryResponses.Size(PAGE_WIDTH, PAGE_HEIGHT);
        ObjectNode response = Docs.object();
        ArrayNode annotations = response.putArray("annotations");
        ArrayNode pageTexts = response.putArray("pages");
        ArrayNode pageSizes = response.putArray("document_pages");
        for (int p = 0; p < pages; p++) {
            StringBuilder full = new StringBuilder();
            for (JsonNode feature : features) {
                ObjectNode a = annotations.addObject();
                a.put("uuid", dice.uuid());
                a.put("type", feature.path("type").asString("block"));
                a.put("page", p);
                a.put("label", Labels.name(feature) != null ? Labels.name(feature) : "text");
                String text = dice.words(dice.between(2, 6));
                a.put("text", text);
                ObjectNode location = a.putObject("location");
                location.put("type", polygon ? "polygon" : "box");
                if (polygon) {
                    Shapes.polygon(location, Docs.object(), page, dice, 4, 4);
                } else {
                    Shapes.box(location, Docs.object(), page, dice);
                }
                full.append(full.length() == 0 ? "" : "\n").append(text);
            }
            ObjectNode pageText = pageTexts.addObject();
            pageText.put("page", p);
            pageText.put("text", full.toString());
            ObjectNode size = pageSizes.addObject();
            size.put("page", p);
            size.put("width", PAGE_WIDTH);
            size.put("height", PAGE_HEIGHT);
        }
        return response;
    }

    /** One of {@code params.categories}; several distinct ones when {@code allow_multiple}. */
    static ObjectNode category(JsonNode params, Dice dice) {
        List<String> categories = Labels.leavesOr(params.get("categories"), "uncategorized");
        ObjectNode response = Docs.object();
        if (params.path("allow_multiple").asBoolean(false)) {
            ArrayNode picked = response.putArray("category");
            dice.pickDistinct(categories, dice.between(1, Math.min(3, categories.size())))
                    .forEach(picked::add);
        } else {
            response.put("category", dice.pick(categories));
        }
        return response;
    }

    /** One of {@code params.choices}. */
    static ObjectNode choice(JsonNode params, Dice dice) {
        List<String> choices = Labels.leaves(params.get("choices"));
        ObjectNode response = Docs.object();
        response.set("choice", StringNode.valueOf(dice.pick(choices.isEmpty() ? List.of("yes", "no") : choices)));
        return response;
    }

    /** What a labeler returns for a task type this emulator has no model of. */
    static ObjectNode generic(Dice dice) {
        ObjectNode response = Docs.object();
        response.put("result", dice.words(dice.between(3, 6)));
        return response;
    }
}
