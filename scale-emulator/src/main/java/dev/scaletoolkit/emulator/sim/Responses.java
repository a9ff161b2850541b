package dev.scaletoolkit.emulator.sim;

import dev.scaletoolkit.emulator.store.Docs;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates a labeler's response for a task, valid for the task's type and derived from its params. The same task
 * and seed always give the same response.
 */
public final class Responses {
    private Responses() {}

    /** A response for {@code task} (its wire JSON, with {@code type} and {@code params}). */
    public static ObjectNode generate(ObjectNode task, long seed) {
        // Placeholder until the per-type generators land: an empty but well-formed response.
        return Docs.object();
    }
}
