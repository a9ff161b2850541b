package dev.scaletoolkit.gateway.confirm;

import dev.scaletoolkit.gateway.Hashing;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** A SHA-256 of the arguments in a canonical form (object keys sorted), so key order never changes the digest. */
public final class ArgsDigest {
    private ArgsDigest() {}

    public static String of(JsonNode args) {
        StringBuilder out = new StringBuilder();
        write(args, out);
        return Hashing.sha256(out.toString());
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                out.append(dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                                .getNodeFactory()
                                .stringNode(e.getKey()))
                        .append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }
}
