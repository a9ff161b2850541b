package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.store.Docs;
import tools.jackson.databind.node.ObjectNode;

/** The task's stored JSON and its wire form: stored docs may carry internal keys starting with {@code _}. */
public final class TaskJson {
    private TaskJson() {}

    /** The task as clients see it: a copy without the internal {@code _} keys. */
    public static ObjectNode wire(ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.propertyNames().stream().filter(k -> k.startsWith("_")).toList().forEach(copy::remove);
        return copy;
    }

    /**
     * The stored text as clients see it. Rows written since internal keys moved to their own column are sent as
     * stored; older rows that may still carry {@code _} keys are parsed and stripped.
     */
    public static String wireText(String stored) {
        if (!stored.contains("\"_")) {
            return stored;
        }
        return Docs.write(wire(Docs.read(stored)));
    }
}
