package dev.scaletoolkit.client.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A label with an explanation and optional sub-labels, usable wherever Scale takes a list of labels
 * ({@code objects_to_annotate}, segmentation {@code labels}, ontologies).
 */
public record LabelDescription(
        @JsonProperty("choice") String choice,
        @JsonProperty("description") String description,
        @JsonProperty("subchoices") List<Object> subchoices) {
    public LabelDescription {
        if (choice == null || choice.isBlank()) {
            throw new IllegalArgumentException("LabelDescription: 'choice' is required");
        }
        subchoices = subchoices == null ? null : List.copyOf(subchoices);
    }

    public static LabelDescription of(String choice, String description) {
        return new LabelDescription(choice, description, null);
    }
}
