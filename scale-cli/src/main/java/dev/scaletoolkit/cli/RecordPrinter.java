package dev.scaletoolkit.cli;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints what a command got back in the chosen {@link OutputOptions.Format}. A listing answer ({@code {docs:
 * [...], next_token}} or an array) is a list of records; anything else is one record. {@code --fields} keeps only
 * the named fields (dots reach into objects) in every format.
 */
final class RecordPrinter {
    private static final int MAX_CELL = 60;

    private final OutputOptions.Format format;
    private final List<String> fields;
    private final List<String> defaultColumns;
    private final List<String> idFields;
    private final boolean colour;

    /**
     * @param defaultColumns the table's columns when no {@code --fields} are given (empty: the records' own
     *     scalar fields)
     * @param idFields the fields that hold a record's id, first present wins
     */
    RecordPrinter(
            OutputOptions.Format format,
            List<String> fields,
            List<String> defaultColumns,
            List<String> idFields,
            boolean colour) {
        this.format = format;
        this.fields = fields == null ? List.of() : fields;
        this.defaultColumns = defaultColumns;
        this.idFields = idFields;
        this.colour = colour;
    }

    /** The records of an answer: its {@code docs}, its elements, or the answer itself. */
    static List<JsonNode> records(JsonNode data) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode list = data.isArray() ? data : data.path("docs").isArray() ? data.get("docs") : null;
        if (list == null) {
            out.add(data);
        } else {
            list.forEach(out::add);
        }
        return out;
    }

    void print(JsonNode data, PrintWriter out) {
        switch (format) {
            case JSON ->
                out.println(
                        ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(projectAnswer(data)));
            case JSONL ->
                records(data).forEach(r -> out.println(ScaleJson.mapper().writeValueAsString(project(r))));
            case ID -> records(data).forEach(r -> out.println(id(r)));
            case TABLE -> table(records(data), out);
        }
        out.flush();
    }

    /** The answer with {@code --fields} applied to each record, keeping the listing's envelope (next_token). */
    private JsonNode projectAnswer(JsonNode data) {
        if (fields.isEmpty()) {
            return data;
        }
        if (data.isArray()) {
            ArrayNode a = ScaleJson.mapper().createArrayNode();
            data.forEach(r -> a.add(project(r)));
            return a;
        }
        if (data.path("docs").isArray()) {
            ObjectNode copy = ((ObjectNode) data).deepCopy();
            ArrayNode docs = copy.putArray("docs");
            data.get("docs").forEach(r -> docs.add(project(r)));
            return copy;
        }
        return project(data);
    }

    /** The record with only {@code --fields}, nested as in the original. */
    JsonNode project(JsonNode record) {
        if (fields.isEmpty() || !record.isObject()) {
            return record;
        }
        ObjectNode out = ScaleJson.mapper().createObjectNode();
        for (String field : fields) {
            JsonNode value = record.at(pointer(field));
            if (value.isMissingNode()) {
                continue;
            }
            String[] parts = field.split("\\.");
            ObjectNode into = out;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode next = into.get(parts[i]);
                into = next instanceof ObjectNode o ? o : into.putObject(parts[i]);
            }
            into.set(parts[parts.length - 1], value);
        }
        return out;
    }

    private String id(JsonNode record) {
        for (String f : idFields) {
            JsonNode v = record.at(pointer(f));
            if (v.isValueNode()) {
                return v.asString();
            }
        }
        return record.isValueNode() ? record.asString() : ScaleJson.mapper().writeValueAsString(record);
    }

    private void table(List<JsonNode> records, PrintWriter out) {
        List<String> columns = columns(records);
        List<String[]> rows = new ArrayList<>();
        rows.add(columns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new));
        for (JsonNode r : records) {
            rows.add(columns.stream().map(c -> cell(r.at(pointer(c)))).toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String text = i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]);
                line.append(text);
            }
            String text = line.toString().stripTrailing();
            out.println(r == 0 && colour ? "\u001b[1m" + text + "\u001b[0m" : text);
        }
    }

    private List<String> columns(List<JsonNode> records) {
        if (!fields.isEmpty()) {
            return fields;
        }
        Set<String> present = new LinkedHashSet<>();
        for (String c : defaultColumns) {
            if (records.stream().anyMatch(r -> !r.at(pointer(c)).isMissingNode())) {
                present.add(c);
            }
        }
        if (present.isEmpty() && !records.isEmpty() && records.get(0).isObject()) {
            records.get(0).properties().forEach(e -> {
                if (e.getValue().isValueNode()) {
                    present.add(e.getKey());
                }
            });
        }
        return List.copyOf(present);
    }

    private static String cell(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        String text = v.isValueNode() ? v.asString() : ScaleJson.mapper().writeValueAsString(v);
        text = text.replace('\n', ' ').replace('\t', ' ');
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }

    static String pointer(String dotted) {
        return "/" + dotted.replace("~", "~0").replace("/", "~1").replace('.', '/');
    }
}
