package dev.scaletoolkit.emulator.task;

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
}
