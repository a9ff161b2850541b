package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.batch.BatchStore;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.task.TaskStore;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pending Studio batches (batches of Studio projects that are not completed, in the caller's mode) in work
 * order. Batches given an order by {@code set_priorities} come first in that order ({@code
 * batches.studio_priority}); the rest follow in Scale's default order: calibration batches first, then oldest
 * first. {@code studioPriority} on the wire is the 1-based position in that order.
 */
public final class StudioBatches {
    /** One pending Studio batch as read from its row. */
    private record Row(
            String name,
            String id,
            String project,
            boolean calibration,
            Integer priority,
            String groups,
            String createdAt) {}

    private static final Comparator<Row> ORDER = Comparator.comparing(
                    (Row r) -> r.priority() == null ? Integer.MAX_VALUE : r.priority())
            .thenComparing(r -> !r.calibration())
            .thenComparing(Row::createdAt)
            .thenComparing(Row::id);

    private StudioBatches() {}

    // GET /v1/studio/batches
    public static ArrayNode list(Handle h, Caller caller) {
        ArrayNode out = Docs.object().arrayNode();
        List<Row> rows = pending(h, caller);
        for (int i = 0; i < rows.size(); i++) {
            out.add(wire(h, caller, rows.get(i), i + 1));
        }
        return out;
    }

    // POST /v1/studio/batches/set_priorities  {batches: [{name}]}
    public static ArrayNode setPriorities(Handle h, Caller caller, ObjectNode body) {
        List<String> order = names(body);
        List<Row> rows = pending(h, caller);
        Set<String> pendingNames = new TreeSet<>();
        rows.forEach(r -> pendingNames.add(r.name()));
        for (int i = 0; i < order.size(); i++) {
            if (!pendingNames.contains(order.get(i))) {
                throw ApiError.invalidParam(
                        "batches[" + i + "]", "names \"" + order.get(i) + "\", which is not a pending Studio batch");
            }
        }
        Set<String> missing = new TreeSet<>(pendingNames);
        order.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw ApiError.invalidParam(
                    "batches",
                    "must list every pending Studio batch exactly once; missing: " + String.join(", ", missing));
        }
        for (int i = 0; i < order.size(); i++) {
            setPriority(h, caller, order.get(i), i + 1);
        }
        return list(h, caller);
    }

    // POST /v1/studio/batches/reset_priorities
    public static ArrayNode resetPriorities(Handle h, Caller caller) {
        BatchStore.clearStudioPriorities(h, caller);
        return list(h, caller);
    }

    // PUT /v1/studio/batches/{name}  {groups: [...]} — replaces the batch's groups.
    public static ObjectNode setGroups(Handle h, Caller caller, String batchName, ObjectNode body) {
        if (!Fields.present(body, "groups")) {
            throw ApiError.missingParam("groups");
        }
        if (!body.get("groups").isArray()) {
            throw ApiError.invalidParam(
                    "groups", "must be an array of group names, got a " + Fields.kind(body.get("groups")));
        }
        List<String> given = Fields.optStringList(body, "groups").orElse(List.of());
        ObjectNode batch = BatchStore.require(h, caller, batchName);
        String project = batch.path("project").asString();
        Optional<ObjectNode> projectDoc = ProjectStore.find(h, caller, project);
        if (projectDoc.isEmpty() || !ProjectStore.isStudio(projectDoc.get())) {
            throw ApiError.badRequest("Batch \"" + batchName + "\" belongs to project \"" + project
                    + "\", which is not a Studio project; only Studio batches have groups.");
        }
        if ("completed".equals(batch.path("status").asString())) {
            throw ApiError.badRequest(
                    "Batch \"" + batchName + "\" is completed; groups can change only on pending" + " Studio batches.");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String wanted = given.get(i);
            ObjectNode group = ProjectGroups.find(h, caller, project, wanted)
                    .orElseThrow(() -> ApiError.invalidParam(
                            "groups", "names \"" + wanted + "\", which is not a group of project \"" + project + "\""));
            groups.add(group.path("name").asString());
        }
        ArrayNode stored = Docs.object().arrayNode();
        groups.forEach(stored::add);
        BatchStore.setStudioGroups(h, caller, batchName, Docs.write(stored));
        List<Row> rows = pending(h, caller);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(batchName)) {
                return wire(h, caller, rows.get(i), i + 1);
            }
        }
        throw new IllegalStateException("pending Studio batch " + batchName + " vanished inside its transaction");
    }

    private static List<Row> pending(Handle h, Caller caller) {
        List<Row> rows = BatchStore.unfinishedWithStudioColumns(h, caller).stream()
                .map(c -> new Row(
                        c.name(), c.id(), c.project(), c.calibration(), c.priority(), c.groups(), c.createdAt()))
                .toList();
        Map<String, Boolean> studio = new HashMap<>();
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            boolean isStudio = studio.computeIfAbsent(
                    r.project(),
                    p -> ProjectStore.find(h, caller, p)
                            .map(ProjectStore::isStudio)
                            .orElse(false));
            if (isStudio) {
                out.add(r);
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static ObjectNode wire(Handle h, Caller caller, Row row, int position) {
        ObjectNode project = ProjectStore.find(h, caller, row.project()).orElseThrow();
        Map<String, Integer> counts = TaskStore.countsInBatch(h, caller, row.name());
        ObjectNode out = Docs.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("projectId", ProjectStore.idOf(caller, project));
        out.put("projectName", row.project());
        out.put("batchType", row.calibration() ? "Calibration" : "Production");
        out.put("studioPriority", position);
        out.put("total", counts.values().stream().mapToInt(Integer::intValue).sum());
        out.put("completed", counts.getOrDefault("completed", 0));
        ArrayNode groups = out.putArray("groups");
        if (row.groups() != null) {
            for (JsonNode g : ScaleJson.mapper().readTree(row.groups())) {
                groups.add(g.asString());
            }
        }
        return out;
    }

    private static void setPriority(Handle h, Caller caller, String name, int priority) {
        BatchStore.setStudioPriority(h, caller, name, priority);
    }

    /** The batch names of a set_priorities body: {@code [{name}]} objects (plain strings are taken too). */
    private static List<String> names(ObjectNode body) {
        if (!Fields.present(body, "batches")) {
            throw ApiError.missingParam("batches");
        }
        JsonNode list = body.get("batches");
        if (!list.isArray()) {
            throw ApiError.invalidParam(
                    "batches", "must be an array of {\"name\": ...} objects, got a " + Fields.kind(list));
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            JsonNode name = item.isObject() ? item.get("name") : item;
            if (name == null || !name.isString() || name.stringValue().isBlank()) {
                throw ApiError.invalidParam("batches[" + i + "].name", "is required and must be a batch name");
            }
            if (!seen.add(name.stringValue())) {
                throw ApiError.invalidParam(
                        "batches[" + i + "]", "repeats \"" + name.stringValue() + "\"; list each batch once");
            }
            names.add(name.stringValue());
        }
        return names;
    }
}
