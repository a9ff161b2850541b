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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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

    /** Project ids of Studio projects met while streaming, so each project's JSON is read once, not per batch. */
    private static final int PROJECTS_REMEMBERED = 256;

    private StudioBatches() {}

    /**
     * Hands each pending Studio batch's wire JSON to {@code each}, in work order, one row at a time: the listing
     * is never built in memory (at most {@code max} batches). Returns how many it handed over.
     */
    public static int forEach(Handle h, Caller caller, int max, Consumer<ObjectNode> each) {
        return walk(
                h, caller, max, (row, projectId, position) -> each.accept(wire(h, caller, row, projectId, position)));
    }

    /** What {@link #walk} hands over for each pending Studio batch. */
    @FunctionalInterface
    private interface Visitor {
        void visit(Row row, String projectId, int position);
    }

    /** Walks the pending Studio batches in work order, one row at a time, without building their wire JSON. */
    private static int walk(Handle h, Caller caller, int max, Visitor visitor) {
        Map<String, Optional<String>> studioIds = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
                return size() > PROJECTS_REMEMBERED;
            }
        };
        int[] position = {0};
        BatchStore.forEachUnfinishedWithStudioColumns(h, caller, c -> {
            if (position[0] >= max) {
                return;
            }
            Optional<String> projectId = studioIds.computeIfAbsent(
                    c.project(),
                    p -> ProjectStore.find(h, caller, p)
                            .filter(ProjectStore::isStudio)
                            .map(doc -> ProjectStore.idOf(caller, doc)));
            if (projectId.isPresent()) {
                position[0]++;
                Row row = new Row(
                        c.name(), c.id(), c.project(), c.calibration(), c.priority(), c.groups(), c.createdAt());
                visitor.visit(row, projectId.get(), position[0]);
            }
        });
        return position[0];
    }

    /** The pending Studio batches' names, in work order, one at a time. */
    private static void forEachName(Handle h, Caller caller, Consumer<String> each) {
        walk(h, caller, Integer.MAX_VALUE, (row, projectId, position) -> each.accept(row.name()));
    }

    /**
     * POST /v1/studio/batches/set_priorities {batches: [{name}]}: the body must name every pending Studio batch
     * once. Checked against the pending batches streamed one at a time, holding only the body's names.
     */
    public static void setPriorities(Handle h, Caller caller, ObjectNode body) {
        List<String> order = names(body);
        Set<String> given = new HashSet<>(order);
        Set<String> pending = new HashSet<>();
        List<String> missing = new ArrayList<>();
        int[] missingCount = {0};
        forEachName(h, caller, name -> {
            if (given.contains(name)) {
                pending.add(name);
            } else if (missingCount[0]++ < MISSING_NAMED) {
                missing.add(name);
            }
        });
        for (int i = 0; i < order.size(); i++) {
            if (!pending.contains(order.get(i))) {
                throw ApiError.invalidParam(
                        "batches[" + i + "]", "names \"" + order.get(i) + "\", which is not a pending Studio batch");
            }
        }
        if (missingCount[0] > 0) {
            java.util.Collections.sort(missing);
            String more =
                    missingCount[0] > missing.size() ? " and " + (missingCount[0] - missing.size()) + " more" : "";
            throw ApiError.invalidParam(
                    "batches",
                    "must list every pending Studio batch exactly once; missing: " + String.join(", ", missing) + more);
        }
        for (int i = 0; i < order.size(); i++) {
            setPriority(h, caller, order.get(i), i + 1);
        }
    }

    /** How many missing batch names a set_priorities error spells out before "and N more". */
    private static final int MISSING_NAMED = 20;

    // POST /v1/studio/batches/reset_priorities
    public static void resetPriorities(Handle h, Caller caller) {
        BatchStore.clearStudioPriorities(h, caller);
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
        ObjectNode[] found = {null};
        walk(h, caller, Integer.MAX_VALUE, (row, projectId, position) -> {
            if (found[0] == null && row.name().equals(batchName)) {
                found[0] = wire(h, caller, row, projectId, position);
            }
        });
        if (found[0] != null) {
            return found[0];
        }
        throw new IllegalStateException("pending Studio batch " + batchName + " vanished inside its transaction");
    }

    private static ObjectNode wire(Handle h, Caller caller, Row row, String projectId, int position) {
        Map<String, Integer> counts = TaskStore.countsInBatch(h, caller, row.name());
        ObjectNode out = Docs.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("projectId", projectId);
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
