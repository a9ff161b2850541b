package dev.scaletoolkit.emulator.journal;

import dev.scaletoolkit.infra.secret.SecretShapes;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes secrets before anything reaches the journal: every secret the toolkit issues ({@link SecretShapes}: API
 * keys, callback auth keys, MCP, agent and confirmation tokens, webhook secrets, written-out Bearer and Basic
 * credentials) wherever it appears as text, including inside JSON values; the value of every JSON, form or query
 * field whose name says it holds a secret ({@code password}, {@code token=}, {@code callback_auth}). Headers are
 * never kept. Ordinary names that only start like a key ({@code test_datasets7wd}) stay readable.
 */
final class Redaction {
    static final String HIDDEN = "[redacted]";

    private Redaction() {}

    /** Text with every secret-shaped string replaced. */
    static String text(String s) {
        return SecretShapes.redact(s, HIDDEN);
    }

    /** A query string (or form body): secret-shaped strings, and the values of secret-named fields, hidden. */
    static String query(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (String pair : s.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decoded;
            try {
                decoded = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                decoded = name;
            }
            if (eq >= 0 && SecretShapes.isSecretName(decoded)) {
                out.append(name).append('=').append(HIDDEN);
            } else {
                out.append(text(pair));
            }
        }
        return out.toString();
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
        if (FORM.matcher(trimmed).matches()) {
            return query(trimmed);
        }
        return text(s);
    }

    /** A form-encoded body: {@code name=value} pairs joined by {@code &}, no spaces or line breaks. */
    private static final java.util.regex.Pattern FORM =
            java.util.regex.Pattern.compile("[^=&\\s]+=[^&\\s]*(&[^=&\\s]+=[^&\\s]*)*");

    private static void hideSecretFields(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                if (SecretShapes.isSecretName(e.getKey()) && e.getValue().isValueNode()) {
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
