package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.batch.BatchStore;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.ParsedDocs;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a new task goes and what it inherits: the batch (which decides the project), the project, and the
 * project's default params of the chosen {@code param_history} version. Resolved in a read before the create's
 * write (batches and projects are never deleted, and a project's new defaults racing a create may apply or not, as
 * with any write that lands between two others); {@link #confirm} re-checks in the write the one thing a concurrent
 * change could invalidate, a Rapid or Studio batch being finalized.
 *
 * @param project the project name, or null for a task outside any project
 * @param batch the batch name, or null
 * @param defaults the project's default params of the chosen version (empty when none are inherited)
 * @param instruction the project's instruction of that version, or null
 * @param version the inherited {@code param_history} version, or null when nothing was inherited
 * @param stagingOnly whether the batch takes tasks only while it is staging (Rapid and Studio batches)
 */
record TaskPlacement(
        String project, String batch, ObjectNode defaults, String instruction, Integer version, boolean stagingOnly) {

    /** Keys of a param_history entry that describe the entry itself rather than task defaults. */
    private static final Set<String> ENTRY_KEYS = Set.of("version", "created_at", "instruction");

    /** Common fields a project default may fill at the top level of the task. */
    private static final Set<String> TOP_LEVEL_DEFAULTS = Set.of("callback_url", "priority", "responses_required");

    /**
     * Reads the batch and project of {@code draft} and what the task inherits. Both documents are parsed through
     * {@code docs}, so an unchanged project or batch is not parsed again; they are read only, never changed.
     */
    static TaskPlacement resolve(Handle h, Caller caller, TaskDraft draft, ParsedDocs docs) {
        String projectName = draft.project();
        Optional<ObjectNode> batch = Optional.empty();
        if (draft.batch() != null) {
            batch = BatchStore.findText(h, caller, draft.batch()).map(docs::read);
            if (batch.isEmpty()) {
                throw noBatch(caller, draft.batch());
            }
            String batchProject = batch.get().path("project").asString();
            if (projectName != null && !projectName.equals(batchProject)) {
                throw ApiError.invalidParam(
                        "batch",
                        "\"" + draft.batch() + "\" belongs to project \"" + batchProject + "\", not \"" + projectName
                                + "\"");
            }
            projectName = batchProject;
        }
        if (projectName == null) {
            return new TaskPlacement(null, null, Docs.object(), null, null, false);
        }
        Optional<ObjectNode> found =
                ProjectStore.findText(h, caller, projectName).map(docs::read);
        if (found.isEmpty()) {
            throw ApiError.invalidParam(
                    "project", "names no project of this account in " + world(caller) + " (\"" + projectName + "\")");
        }
        ObjectNode project = found.get();
        boolean rapidOrStudio =
                project.path("rapid").asBoolean(false) || project.path("studio").asBoolean(false);
        // A standard batch takes tasks at any time (a completed one reopens); a Rapid or Studio batch only until
        // it is finalized.
        if (batch.isPresent()
                && rapidOrStudio
                && !"staging".equals(batch.get().path("status").asString())) {
            throw finalized(draft.batch());
        }
        if (batch.isEmpty() && project.path("rapid").asBoolean(false)) {
            throw ApiError.invalidParam("batch", "is required for tasks of a Rapid project (\"" + projectName + "\")");
        }
        String projectType = project.path("type").asString();
        if (!projectType.isEmpty()
                && !TaskTypes.standard()
                        .canonical(projectType)
                        .orElse(projectType)
                        .equals(draft.type())) {
            throw ApiError.invalidParam(
                    "project",
                    "\"" + projectName + "\" is a " + projectType + " project and cannot hold a " + draft.type()
                            + " task");
        }
        return inherit(projectName, draft.batch(), project, draft.projectVersion(), batch.isPresent() && rapidOrStudio);
    }

    /** In the create's write: fails if a Rapid or Studio batch was finalized since {@link #resolve} read it. */
    void confirm(Handle h, Caller caller) {
        if (stagingOnly
                && !BatchStore.find(h, caller, batch)
                        .map(b -> "staging".equals(b.path("status").asString()))
                        .orElse(false)) {
            throw finalized(batch);
        }
    }

    static ApiError noBatch(Caller caller, String batch) {
        return ApiError.invalidParam(
                "batch", "names no batch of this account in " + world(caller) + " (\"" + batch + "\")");
    }

    private static ApiError finalized(String batch) {
        return ApiError.invalidParam(
                "batch", "\"" + batch + "\" was already finalized; tasks must be added while the batch is staging");
    }

    private static TaskPlacement inherit(
            String projectName, String batch, ObjectNode project, Long pinned, boolean stagingOnly) {
        JsonNode history = project.path("param_history");
        if ((pinned != null && pinned == -1) || !history.isArray() || history.isEmpty()) {
            if (pinned != null && pinned >= 0) {
                throw ApiError.invalidParam(
                        "project_version", "asks for version " + pinned + " but the project has no param history");
            }
            return new TaskPlacement(projectName, batch, Docs.object(), null, null, stagingOnly);
        }
        JsonNode entry = null;
        for (JsonNode candidate : history) {
            boolean wanted = pinned == null
                    ? entry == null
                            || candidate.path("version").asInt()
                                    >= entry.path("version").asInt()
                    : candidate.path("version").asLong() == pinned;
            if (wanted) {
                entry = candidate;
            }
        }
        if (entry == null) {
            throw ApiError.invalidParam(
                    "project_version",
                    "asks for version " + pinned + " but project \"" + projectName + "\" has versions 0 to "
                            + (history.size() - 1));
        }
        ObjectNode defaults = Docs.object();
        for (Map.Entry<String, JsonNode> e : entry.properties()) {
            if (!ENTRY_KEYS.contains(e.getKey()) && !e.getValue().isNull()) {
                defaults.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        String instruction =
                entry.hasNonNull("instruction") ? entry.get("instruction").asString() : null;
        return new TaskPlacement(
                projectName, batch, defaults, instruction, entry.path("version").asInt(), stagingOnly);
    }

    /**
     * Applies the inherited defaults under the task's own values: a field the request set wins, and the project's
     * instruction is appended after the task's own.
     */
    void applyTo(ObjectNode task, ObjectNode params) {
        for (Map.Entry<String, JsonNode> e : defaults.properties()) {
            String key = e.getKey();
            if (TOP_LEVEL_DEFAULTS.contains(key)) {
                if (!task.hasNonNull(key)) {
                    task.set(key, e.getValue().deepCopy());
                }
            } else if (!TaskDraft.COMMON_FIELDS.contains(key) && !params.hasNonNull(key)) {
                params.set(key, e.getValue().deepCopy());
            }
        }
        if (instruction != null && !instruction.isBlank()) {
            String own =
                    task.hasNonNull("instruction") ? task.get("instruction").asString() : "";
            task.put("instruction", own.isBlank() ? instruction : own + "\n\n" + instruction);
        }
    }

    private static String world(Caller caller) {
        return caller.testMode() ? "test mode" : "live mode";
    }
}
