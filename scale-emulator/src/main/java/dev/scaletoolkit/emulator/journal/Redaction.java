package dev.scaletoolkit.emulator.journal;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes secrets before anything reaches the journal: API keys, callback auth keys and MCP tokens wherever they
 * appear as text, and the value of every JSON field whose name says it holds a secret. Headers are never kept.
 */
final class Redaction {
    static final String HIDDEN = "[redacted]";
    /** The emulator's key formats (live_, test_, cbk_, mcp_ followed by a long random part). */
    private static final Pattern KEYS = Pattern.compile("\\b(live|test|cbk|mcp)_[A-Za-z0-9]{12,}");

    private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(key|secret|token|password|auth|credential).*");

    private Redaction() {}

    /** Text with every key-shaped string replaced. */
    static String text(String s) {
        return s == null ? null : KEYS.matcher(s).replaceAll("$1_" + HIDDEN);
    }

    /** A body: JSON has secret fields hidden (and is compacted); anything else is treated as text. */
    static String body(String s) {
        if (s == null || s.isBlank()) {
            return s;
        }
        String trimmed = s.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode node = ScaleJson.mapper().readTree(trimmed);
                hideSecretFields(node);
                return text(ScaleJson.mapper().writeValueAsString(node));
            } catch (JacksonException notJson) {
                // fall through: keep it as text
            }
        }
        return text(s);
    }

    private static void hideSecretFields(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                if (SECRET_FIELD.matcher(e.getKey()).matches() && e.getValue().isValueNode()) {
                    o.put(e.getKey(), HIDDEN);
                } else {
                    hideSecretFields(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(Redaction::hideSecretFields);
        }
    }
}
