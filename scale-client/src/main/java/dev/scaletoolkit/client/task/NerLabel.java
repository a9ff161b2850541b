package dev.scaletoolkit.client.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A named-entity label: its name and what it means to the labeler. */
public record NerLabel(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description) {
    public NerLabel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("NER label: 'name' is required");
        }
    }

    public static NerLabel of(String name) {
        return new NerLabel(name, null);
    }
}
