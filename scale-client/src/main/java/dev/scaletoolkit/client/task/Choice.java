package dev.scaletoolkit.client.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One option of a category field: what the labeler sees and the value you get back. */
public record Choice(
        @JsonProperty("label") String label,
        @JsonProperty("value") String value) {
    public Choice {
        if (label == null || label.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("choice: 'label' and 'value' are both required");
        }
    }
}
