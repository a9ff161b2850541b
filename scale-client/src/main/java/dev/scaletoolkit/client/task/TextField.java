package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireValue;
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

    /**
     * Starts a free-text field.
     *
     * @param fieldId the field id, unique in the project
     * @param title the question shown
     * @return a builder with type, id and title set
     */
    public static Builder text(String fieldId, String title) {
        return builder().type("text").fieldId(fieldId).title(title);
    }

    /**
     * Starts a field whose answer is one of some choices.
     *
     * @param fieldId the field id, unique in the project
     * @param title the question shown
     * @param choices the options
     * @return a builder with type, id, title and choices set
     */
    public static Builder category(String fieldId, String title, List<Choice> choices) {
        return builder().type("category").fieldId(fieldId).title(title).choices(choices);
    }

    /**
     * Starts an empty field.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The field id, which keys the answer in the response.
     *
     * @return the id
     */
    public String fieldId() {
        return fieldId;
    }

    /**
     * The JSON Scale receives.
     *
     * @return the field as a JSON object
     */
    @WireValue
    public JsonValue json() {
        return json.toValue();
    }

    /** Builds a {@link TextField}. */
    public static final class Builder {
        private final JsonObject json = new JsonObject();

        private Builder() {}

        /**
         * The kind of answer.
         *
         * @param type {@code text}, {@code category}, {@code number}, {@code datetime}, {@code field_set}…
         * @return this builder
         */
        public Builder type(String type) {
            return put("type", type);
        }

        /**
         * The field id, unique in the project.
         *
         * @param fieldId the id
         * @return this builder
         */
        public Builder fieldId(String fieldId) {
            return put("field_id", fieldId);
        }

        /**
         * The question shown to the labeler.
         *
         * @param title the question
         * @return this builder
         */
        public Builder title(String title) {
            return put("title", title);
        }

        /**
         * More detail under the question.
         *
         * @param description the text
         * @return this builder
         */
        public Builder description(String description) {
            return put("description", description);
        }

        /**
         * A hint shown in the empty answer box.
         *
         * @param hint the hint
         * @return this builder
         */
        public Builder hint(String hint) {
            return put("hint", hint);
        }

        /**
         * Whether the labeler must answer.
         *
         * @param required true to require an answer
         * @return this builder
         */
        public Builder required(boolean required) {
            return put("required", required);
        }

        /**
         * The options of a category field.
         *
         * @param choices the options
         * @return this builder
         */
        public Builder choices(List<Choice> choices) {
            return put("choices", choices);
        }

        /**
         * The fewest answers the labeler must give.
         *
         * @param n the minimum
         * @return this builder
         */
        public Builder minResponsesRequired(int n) {
            return put("min_responses_required", n);
        }

        /**
         * The most answers the labeler may give.
         *
         * @param n the maximum
         * @return this builder
         */
        public Builder maxResponsesRequired(int n) {
            return put("max_responses_required", n);
        }

        /**
         * The sub-fields of a {@code field_set}.
         *
         * @param fields the sub-fields
         * @return this builder
         */
        public Builder fields(List<TextField> fields) {
            return put("fields", fields);
        }

        /**
         * Any option this SDK has no setter for.
         *
         * @param key the wire name
         * @param value written as JSON
         * @return this builder
         */
        public Builder put(String key, Object value) {
            json.put(key, value);
            return this;
        }

        /**
         * Checks the required parts and builds.
         *
         * @return the field
         * @throws IllegalArgumentException naming a missing part
         */
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
