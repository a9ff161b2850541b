package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.emulator.callback.CallbackUrl;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A task-creation request after its common fields were checked: everything that is not a common field is a
 * type-specific param and ends up under {@code params} in the task JSON. Checks that need the database (project,
 * batch, unique_id) come later, in {@link TaskCreation}.
 */
record TaskDraft(
        String type,
        ObjectNode params,
        String instruction,
        String callbackUrl,
        ObjectNode metadata,
        List<String> tags,
        String uniqueId,
        boolean clearUniqueIdOnError,
        String project,
        String batch,
        Long priority,
        Long projectVersion,
        Long responsesRequired) {

    /** Fields every task type takes; they live at the top level of the task, not under {@code params}. */
    static final Set<String> COMMON_FIELDS = Set.of(
            "instruction",
            "callback_url",
            "metadata",
            "tags",
            "unique_id",
            "clear_unique_id_on_error",
            "project",
            "batch",
            "priority",
            "project_version",
            "responses_required");

    static TaskDraft parse(String type, ObjectNode body, OutboundPolicy callbacks) {
        ObjectNode params = Docs.object();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!COMMON_FIELDS.contains(e.getKey()) && !e.getValue().isNull()) {
                params.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        String callbackUrl = Fields.optString(body, "callback_url").orElse(null);
        if (callbackUrl != null) {
            CallbackUrl.check(callbacks, "callback_url", callbackUrl);
        }
        long priority = Fields.optLong(body, "priority").orElse(-1L);
        if (Fields.present(body, "priority") && priority < 0) {
            throw ApiError.invalidParam("priority", "must be zero or more, got " + priority);
        }
        Long projectVersion = Fields.optLong(body, "project_version").orElse(null);
        if (projectVersion != null && projectVersion < -1) {
            throw ApiError.invalidParam(
                    "project_version",
                    "must be a version number, or -1 for no project defaults, got " + projectVersion);
        }
        Long responses = Fields.optLong(body, "responses_required").orElse(null);
        if (responses != null && responses < 1) {
            throw ApiError.invalidParam("responses_required", "must be at least 1, got " + responses);
        }
        return new TaskDraft(
                type,
                params,
                Fields.optString(body, "instruction").orElse(null),
                callbackUrl,
                metadata(body),
                tags(body, "tags"),
                Fields.optString(body, "unique_id").orElse(null),
                Fields.optBool(body, "clear_unique_id_on_error").orElse(false),
                Fields.optString(body, "project").orElse(null),
                Fields.optString(body, "batch").orElse(null),
                Fields.present(body, "priority") ? priority : null,
                projectVersion,
                responses);
    }

    /** The metadata object, {} when absent; a JSON string is accepted for form posts. 400 above 10 KB. */
    private static ObjectNode metadata(ObjectNode body) {
        JsonNode value = body.get("metadata");
        if (value != null && value.isString() && !value.stringValue().isBlank()) {
            try {
                value = Docs.read(value.stringValue());
            } catch (JacksonException | ClassCastException e) {
                throw ApiError.invalidParam("metadata", "must be a JSON object, got a string that is not one");
            }
        }
        if (value == null
                || value.isNull()
                || (value.isString() && value.stringValue().isBlank())) {
            return Docs.object();
        }
        if (!value.isObject()) {
            throw ApiError.invalidParam("metadata", "must be an object, got " + TaskTypes.article(Fields.kind(value)));
        }
        checkMetadataSize((ObjectNode) value);
        return ((ObjectNode) value).deepCopy();
    }

    /** Scale keeps metadata to 10 KB as serialised JSON. */
    static void checkMetadataSize(ObjectNode metadata) {
        int size = Docs.write(metadata).getBytes(StandardCharsets.UTF_8).length;
        if (size > EmulatorLimits.MAX_METADATA_BYTES) {
            throw ApiError.invalidParam(
                    "metadata",
                    "must be at most " + EmulatorLimits.MAX_METADATA_BYTES + " bytes as JSON, got " + size + " bytes");
        }
    }

    /** The tags, without repeats, in order; 400 when there are more than Scale's five. */
    static List<String> tags(JsonNode body, String field) {
        List<String> given = Fields.optStringList(body, field).orElse(List.of());
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(given));
        checkTagCount(tags);
        return List.copyOf(tags);
    }

    static void checkTagCount(List<String> tags) {
        for (String tag : tags) {
            if (tag.isBlank()) {
                throw ApiError.invalidParam("tags", "must not contain empty tags");
            }
        }
        if (tags.size() > EmulatorLimits.MAX_TAGS) {
            throw ApiError.invalidParam(
                    "tags",
                    "may hold at most " + EmulatorLimits.MAX_TAGS + " tags per task, got " + tags.size() + " ("
                            + String.join(", ", tags) + ")");
        }
    }
}
