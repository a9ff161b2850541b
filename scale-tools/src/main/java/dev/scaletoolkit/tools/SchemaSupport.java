package dev.scaletoolkit.tools;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** JSON Schema 2020-12 checks through networknt: schemas against the meta-schema, arguments against schemas. */
public final class SchemaSupport {
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private SchemaSupport() {}

    /** Problems that make {@code schema} an invalid 2020-12 schema (empty when it is fine). */
    public static List<String> metaSchemaProblems(JsonNode schema) {
        List<String> out = new ArrayList<>();
        // The meta-schema ships inside the validator jar, so this works offline.
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));
        for (Error e : meta.validate(schema)) {
            out.add(e.toString());
        }
        if (out.isEmpty()) {
            try {
                REGISTRY.getSchema(schema).initializeValidators();
            } catch (RuntimeException e) {
                out.add("cannot be compiled: " + e.getMessage());
            }
        }
        return out;
    }

    /** Compiles a schema for repeated use. */
    public static Schema compile(JsonNode schema) {
        Schema compiled = REGISTRY.getSchema(schema);
        compiled.initializeValidators();
        return compiled;
    }

    /** Every way {@code instance} breaks {@code schema}, one entry per field, worded for a person. */
    public static List<ToolError.Problem> problems(Schema schema, JsonNode instance) {
        Set<ToolError.Problem> out = new LinkedHashSet<>();
        for (Error e : schema.validate(instance)) {
            String at = fieldName(e.getInstanceLocation());
            String keyword = e.getKeyword() == null ? "" : e.getKeyword();
            String property = e.getProperty();
            if ("required".equals(keyword) && property != null) {
                out.add(new ToolError.Problem(join(at, property), "is required"));
            } else if (("additionalProperties".equals(keyword) || "unevaluatedProperties".equals(keyword))
                    && property != null) {
                out.add(new ToolError.Problem(join(at, property), "is not an accepted field"));
            } else {
                out.add(new ToolError.Problem(at.isEmpty() ? "(arguments)" : at, expected(e)));
            }
        }
        return merged(out);
    }

    /** One problem per field: the alternatives of an anyOf are joined rather than listed as separate faults. */
    private static List<ToolError.Problem> merged(Set<ToolError.Problem> problems) {
        java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
        for (ToolError.Problem p : problems) {
            byField.merge(p.field(), p.expected(), (a, b) -> a + "; or " + b);
        }
        List<ToolError.Problem> out = new ArrayList<>();
        byField.forEach((field, expected) -> out.add(new ToolError.Problem(field, expected)));
        return out;
    }

    /** The validator's text without its leading path, which the problem already names. */
    private static String expected(Error e) {
        String message = e.getMessage() == null ? "is invalid" : e.getMessage().trim();
        String path =
                e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        if (!path.isEmpty() && message.startsWith(path + ":")) {
            message = message.substring(path.length() + 1).trim();
        } else if (!path.isEmpty() && message.startsWith(path + " ")) {
            message = message.substring(path.length() + 1).trim();
        }
        return message;
    }

    private static String fieldName(NodePath path) {
        if (path == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(element);
            }
        }
        return out.toString();
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }
}
