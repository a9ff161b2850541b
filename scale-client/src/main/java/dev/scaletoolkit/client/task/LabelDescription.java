package dev.scaletoolkit.client.task;

import dev.scaletoolkit.model.json.WireName;
import java.util.List;

/**
 * A label with an explanation and optional sub-labels, usable wherever Scale takes a list of labels
 * ({@code objects_to_annotate}, segmentation {@code labels}, ontologies).
 *
 * @param choice the label itself
 * @param description what it means, shown to the labeler; may be null
 * @param subchoices finer labels under this one (names or descriptions); may be null
 */
public record LabelDescription(
        @WireName("choice") String choice,
        @WireName("description") String description,
        @WireName("subchoices") List<Object> subchoices) {
    /**
     * Checks the label and copies the sub-labels.
     *
     * @param choice the label
     * @param description its meaning, or null
     * @param subchoices finer labels, or null
     * @throws IllegalArgumentException when the label is missing
     */
    public LabelDescription {
        if (choice == null || choice.isBlank()) {
            throw new IllegalArgumentException("LabelDescription: 'choice' is required");
        }
        subchoices = subchoices == null ? null : List.copyOf(subchoices);
    }

    /**
     * A label with its meaning and no sub-labels.
     *
     * @param choice the label
     * @param description its meaning
     * @return the description
     */
    public static LabelDescription of(String choice, String description) {
        return new LabelDescription(choice, description, null);
    }
}
