package dev.scaletoolkit.client.task;

import dev.scaletoolkit.model.json.WireName;

/**
 * One option of a category field: what the labeler sees and the value you get back.
 *
 * @param label the text shown to the labeler
 * @param value the value recorded in the response
 */
public record Choice(
        @WireName("label") String label, @WireName("value") String value) {
    /**
     * Checks that both parts are present.
     *
     * @param label the text shown
     * @param value the value recorded
     * @throws IllegalArgumentException when either is missing
     */
    public Choice {
        if (label == null || label.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("choice: 'label' and 'value' are both required");
        }
    }
}
