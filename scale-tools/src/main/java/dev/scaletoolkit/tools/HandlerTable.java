package dev.scaletoolkit.tools;

import java.util.LinkedHashMap;
import java.util.Map;

/** Slug → handler, filled by each resource's {@code register} method. A slug may be registered once. */
public final class HandlerTable {
    private final Map<String, ToolHandler> handlers = new LinkedHashMap<>();

    /** Registers the handler for {@code slug}; a second registration of the same slug is a programming error. */
    public HandlerTable add(String slug, ToolHandler handler) {
        if (handlers.putIfAbsent(slug, handler) != null) {
            throw new IllegalStateException("two handlers for " + slug);
        }
        return this;
    }

    Map<String, ToolHandler> asMap() {
        return Map.copyOf(handlers);
    }
}
