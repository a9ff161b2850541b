package dev.scaletoolkit.client.task;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.scaletoolkit.model.ScaleJson;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One field of a text collection task: what the labeler fills in ({@code text}, {@code category},
 * {@code number}, {@code datetime}, {@code field_set}…), under a {@code field_id} unique in the project.
 */
public final class TextField {
    private final String fieldId;
    private final ObjectNode json;

    private TextField(String fieldId, ObjectNode json) {
        this.fieldId = fieldId;
        this.json = json;
    }

    public static Builder text(String fieldId, String title) {
        return builder().type("text").fieldId(fieldId).title(title);
    }

    public static Builder category(String fieldId, String title, List<Choice> choices) {
        return builder().type("category").fieldId(fieldId).title(title).choices(choices);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String fieldId() {
        return fieldId;
    }

    @JsonValue
    ObjectNode json() {
        return json.deepCopy();
    }

    /** Builds a {@link TextField}. */
    public static final class Builder {
        private final ObjectNode json = ScaleJson.mapper().createObjectNode();

        private Builder() {}

        public Builder type(String type) {
            return put("type", type);
        }

        public Builder fieldId(String fieldId) {
            return put("field_id", fieldId);
        }

        public Builder title(String title) {
            return put("title", title);
        }

        public Builder description(String description) {
            return put("description", description);
        }

        public Builder hint(String hint) {
            return put("hint", hint);
        }

        public Builder required(boolean required) {
            return put("required", required);
        }

        public Builder choices(List<Choice> choices) {
            return put("choices", choices);
        }

        public Builder minResponsesRequired(int n) {
            return put("min_responses_required", n);
        }

        public Builder maxResponsesRequired(int n) {
            return put("max_responses_required", n);
        }

        /** The sub-fields of a {@code field_set}. */
        public Builder fields(List<TextField> fields) {
            return put("fields", fields);
        }

        /** Any option this SDK has no setter for. */
        public Builder put(String key, Object value) {
            json.set(key, ScaleJson.mapper().valueToTree(value));
            return this;
        }

        public TextField build() {
            for (String key : List.of("type", "field_id", "title")) {
                if (!json.hasNonNull(key) || json.get(key).asString().isBlank()) {
                    throw new IllegalArgumentException("text field: '" + key + "' is required");
                }
            }
            String type = json.get("type").asString();
            String id = json.get("field_id").asString();
            if (type.equals("category")
                    && (!json.has("choices") || json.get("choices").isEmpty())) {
                throw new IllegalArgumentException(
                        "text field '" + id + "': 'choices' is required for a category field");
            }
            if (type.equals("field_set")
                    && (!json.has("fields") || json.get("fields").size() < 2)) {
                throw new IllegalArgumentException("text field '" + id + "': a field_set needs at least 2 'fields'");
            }
            if (json.has("max_responses_required")
                    && json.get("max_responses_required").asInt() > 100) {
                throw new IllegalArgumentException("text field '" + id + "': 'max_responses_required' is at most 100");
            }
            return new TextField(id, json.deepCopy());
        }
    }
}
