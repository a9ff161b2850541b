package dev.scaletoolkit.gateway.audit;

import dev.scaletoolkit.infra.secret.SecretShapes;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes secrets from arguments before they are kept: any field whose name suggests a credential, and any string
 * with the shape of a secret the toolkit issues ({@link SecretShapes}), becomes {@code [redacted]}; very long strings are cut.
 */
public final class Redactor {
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(key|secret|token|password|passwd|auth|credential|cookie).*");
    private static final int MAX_STRING = 2000;

    private Redactor() {}

    public static JsonNode redact(JsonNode args) {
        if (args == null || args.isNull() || args.isMissingNode()) {
            return dev.scaletoolkit.model.jackson.ScaleJson.mapper().createObjectNode();
        }
        JsonNode copy = args.deepCopy();
        walk(copy);
        return copy;
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (String name : new java.util.ArrayList<>(o.propertyNames())) {
                JsonNode v = o.get(name);
                if (SECRET_NAME.matcher(name).matches() && !v.isNull() && !v.isBoolean()) {
                    o.put(name, "[redacted]");
                } else if (v.isString()) {
                    o.put(name, clean(v.asString()));
                } else {
                    walk(v);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isString()) {
                    a.set(i, a.stringNode(clean(a.get(i).asString())));
                } else {
                    walk(a.get(i));
                }
            }
        }
    }

    private static String clean(String s) {
        // real secret shapes only (prefix, issued length and alphabet): a project named test_datasets7wd stays readable
        String out = SecretShapes.redact(s, "[redacted]");
        return out.length() > MAX_STRING ? out.substring(0, MAX_STRING) + "…(" + out.length() + " chars)" : out;
    }
}
