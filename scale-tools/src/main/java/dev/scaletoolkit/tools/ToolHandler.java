package dev.scaletoolkit.tools;

import tools.jackson.databind.JsonNode;

/**
 * The code behind one tool. It receives arguments that already passed the input schema and returns the
 * {@code data} of a successful result; failures are thrown ({@link ToolInputException}, or the backend's error)
 * and turned into the envelope by the registry.
 */
@FunctionalInterface
public interface ToolHandler {
    JsonNode handle(ToolCall call);
}
