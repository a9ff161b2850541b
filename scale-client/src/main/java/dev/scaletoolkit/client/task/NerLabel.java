package dev.scaletoolkit.client.task;

import dev.scaletoolkit.model.json.WireName;

/**
 * A named-entity label: its name and what it means to the labeler.
 *
 * @param name the label
 * @param description what it covers, shown to the labeler; may be null
 */
public record NerLabel(
        @WireName("name") String name,
        @WireName("description") String description) {
    /**
     * Checks the name.
     *
     * @param name the label
     * @param description what it covers, or null
     * @throws IllegalArgumentException when the name is missing
     */
    public NerLabel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("NER label: 'name' is required");
        }
    }

    /**
     * A label without a description.
     *
     * @param name the label
     * @return the label
     */
    public static NerLabel of(String name) {
        return new NerLabel(name, null);
    }
}
