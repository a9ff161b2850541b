package dev.scaletoolkit.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's schema validator, made on first use, minus the SDK's check of each tool's schemas against the JSON
 * Schema meta-schema when a server is built. That check ran on all 100 schemas of the catalog at every start of
 * {@code scale mcp} and {@code scale up}, for schemas that cannot change after the build, where they are checked
 * already ({@code ToolRegistryTest} in scale-tools for the catalog, {@code McpToolSchemasTest} here for the
 * schemas as MCP lists them). Structured results are still validated against their output schema by the SDK's
 * own validator.
 */
final class CatalogSchemaValidator implements JsonSchemaValidator {
    static final CatalogSchemaValidator INSTANCE = new CatalogSchemaValidator();

    private CatalogSchemaValidator() {}

    /** The SDK's validator, made when first needed (a tool's result), not when the server is built. */
    private static final class Sdk {
        static final JsonSchemaValidator VALIDATOR = McpJsonDefaults.getSchemaValidator();
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return Sdk.VALIDATOR.validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        // the build checked it (see above)
        return ValidationResponse.asValid(null);
    }
}
