package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.json.JsonValue;
import java.util.List;

/**
 * One field of a text collection task: what the labeler fills in ({@code text}, {@code category},
 * {@code number}, {@code datetime}, {@code field_set}…), under a {@code field_id} unique in the project.
 */
public final class TextField {
    private final String fieldId;
    private final JsonObject json;

    private TextField(String fieldId, JsonObject json) {
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

    /**
     * The JSON Scale receives.
     *
     * @return the field as a JSON object
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public JsonValue json() {
        return json.toValue();
    }

    /** Builds a {@link TextField}. */
    public static final class Builder {
        private final JsonObject json = new JsonObject();

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
            json.put(key, value);
            return this;
        }

        public TextField build() {
            for (String key : List.of("type", "field_id", "title")) {
                if (!json.hasContent(key)) {
                    throw new IllegalArgumentException("text field: '" + key + "' is required");
                }
            }
            String type = json.get("type").stringValue();
            String id = json.get("field_id").stringValue();
            if (type.equals("category")
                    && (!json.has("choices") || json.get("choices").size() == 0)) {
                throw new IllegalArgumentException(
                        "text field '" + id + "': 'choices' is required for a category field");
            }
            if (type.equals("field_set")
                    && (!json.has("fields") || json.get("fields").size() < 2)) {
                throw new IllegalArgumentException("text field '" + id + "': a field_set needs at least 2 'fields'");
            }
            if (json.has("max_responses_required")
                    && json.get("max_responses_required").isNumber()
                    && json.get("max_responses_required").numberValue().intValue() > 100) {
                throw new IllegalArgumentException("text field '" + id + "': 'max_responses_required' is at most 100");
            }
            return new TextField(id, json.copy());
        }
    }
}
