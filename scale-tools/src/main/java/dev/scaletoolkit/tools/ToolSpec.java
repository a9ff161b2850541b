package dev.scaletoolkit.tools;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool as the catalog describes it.
 *
 * @param slug the tool name, e.g. {@code SCALE_AI_CREATE_BATCH}
 * @param title a short human title
 * @param description what the tool does, for a model to choose it
 * @param inputSchema JSON Schema 2020-12 for the arguments
 * @param outputSchema JSON Schema 2020-12 for {@code data} in a successful result
 * @param annotations MCP-style hints: readOnlyHint, destructiveHint, idempotentHint, openWorldHint
 * @param profiles the profiles that list this tool
 * @param aliases other names accepted by {@link ToolRegistry#call}, without the {@code SCALE_AI_} prefix
 */
public record ToolSpec(
        String slug,
        String title,
        String description,
        ObjectNode inputSchema,
        ObjectNode outputSchema,
        ObjectNode annotations,
        Set<Profile> profiles,
        List<String> aliases) {

    public ToolSpec {
        profiles = Set.copyOf(profiles);
        aliases = List.copyOf(aliases);
    }

    /** A copy, so callers cannot change what the registry lists. */
    @Override
    public ObjectNode inputSchema() {
        return inputSchema.deepCopy();
    }

    @Override
    public ObjectNode outputSchema() {
        return outputSchema.deepCopy();
    }

    @Override
    public ObjectNode annotations() {
        return annotations.deepCopy();
    }

    /** True when the tool only reads. */
    public boolean readOnly() {
        return annotations.path("readOnlyHint").asBoolean(false);
    }
}
