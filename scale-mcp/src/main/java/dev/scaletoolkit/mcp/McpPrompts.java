package dev.scaletoolkit.mcp;

import dev.scaletoolkit.model.jackson.ScaleJson;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The prompts for common workflows (label a dataset end to end, audit a batch, export results, check progress),
 * served through {@code prompts/list} and {@code prompts/get}. They are data ({@code scale/mcp/prompts.json});
 * {@code {{name}}} in a text is replaced by the argument of that name, or by {@code (not given)}.
 */
public final class McpPrompts {
    static final String RESOURCE = "scale/mcp/prompts.json";

    private McpPrompts() {}

    /** Every prompt of {@code scale/mcp/prompts.json}. */
    public static List<SyncPromptSpecification> all() {
        List<SyncPromptSpecification> out = new ArrayList<>();
        for (JsonNode p : load()) {
            List<McpSchema.PromptArgument> arguments = new ArrayList<>();
            p.path("arguments")
                    .forEach(a -> arguments.add(new McpSchema.PromptArgument(
                            a.path("name").asString(),
                            a.path("description").asString(),
                            a.path("required").asBoolean())));
            McpSchema.Prompt prompt = new McpSchema.Prompt(
                    p.path("name").asString(),
                    p.path("title").asString(),
                    p.path("description").asString(),
                    arguments);
            String template = p.path("text").asString();
            out.add(new SyncPromptSpecification(prompt, (exchange, request) -> {
                String text = fill(template, request.arguments());
                return new McpSchema.GetPromptResult(
                        prompt.description(),
                        List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
            }));
        }
        return out;
    }

    static String fill(String template, Map<String, Object> arguments) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int open;
        while ((open = template.indexOf("{{", from)) >= 0) {
            int close = template.indexOf("}}", open);
            if (close < 0) {
                break;
            }
            Object value = arguments == null ? null : arguments.get(template.substring(open + 2, close));
            out.append(template, from, open)
                    .append(value == null || value.toString().isBlank() ? "(not given)" : value.toString());
            from = close + 2;
        }
        return out.append(template.substring(from)).toString();
    }

    static JsonNode load() {
        try (InputStream in = McpPrompts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return ScaleJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
