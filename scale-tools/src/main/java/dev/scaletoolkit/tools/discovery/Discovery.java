package dev.scaletoolkit.tools.discovery;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ProgressListener;
import dev.scaletoolkit.tools.SchemaSupport;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolRunner;
import dev.scaletoolkit.tools.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery tools: an agent searches the catalog ({@value #SEARCH_TOOLS}), reads one tool's schemas
 * ({@value #GET_TOOL_SCHEMA}) and calls it ({@value #CALL_TOOL}) instead of receiving all fifty schemas up front.
 * One instance serves one caller: it sees only the tools given to it, and calls go through that caller's
 * {@link ToolRunner}, so validation, scope, budgets, confirmation and audit are those of a direct call. The tools'
 * own definitions are data ({@code scale/discovery/tools.json}).
 */
public final class Discovery {
    public static final String SEARCH_TOOLS = "SCALE_AI_SEARCH_TOOLS";
    public static final String GET_TOOL_SCHEMA = "SCALE_AI_GET_TOOL_SCHEMA";
    public static final String CALL_TOOL = "SCALE_AI_CALL_TOOL";
    /** Reads the rest of a result that was cut to size; listed in every profile (see {@code ResultBudget}). */
    public static final String READ_RESULT = "SCALE_AI_READ_RESULT";

    private static final int DEFAULT_LIMIT = 5;
    private static final Map<String, Meta> META = loadMeta();

    private record Meta(ToolSpec spec, ObjectNode inputSchema) {}

    private final Map<String, ToolSpec> visible = new LinkedHashMap<>();
    private final ToolRegistry catalog;
    private final ToolSearch search;

    /**
     * Discovery over {@code visible} (the caller's tools, as the caller should see their schemas), looked up in
     * {@code catalog} for names and aliases.
     */
    public Discovery(List<ToolSpec> visible, ToolRegistry catalog) {
        visible.forEach(t -> this.visible.put(t.slug(), t));
        this.catalog = catalog;
        this.search = ToolSearch.of(visible);
    }

    /** {@value #SEARCH_TOOLS}, {@value #GET_TOOL_SCHEMA} and {@value #CALL_TOOL}: what the discovery profile lists. */
    public static List<ToolSpec> tools() {
        return List.of(spec(SEARCH_TOOLS), spec(GET_TOOL_SCHEMA), spec(CALL_TOOL));
    }

    /** The definition of one discovery tool (including {@value #READ_RESULT}). */
    public static ToolSpec spec(String slug) {
        Meta meta = META.get(slug);
        if (meta == null) {
            throw new IllegalArgumentException("not a discovery tool: " + slug);
        }
        return meta.spec();
    }

    /** Whether {@code name} is one of the three tools {@link #call} answers. */
    public static boolean handles(String name) {
        return SEARCH_TOOLS.equals(name) || GET_TOOL_SCHEMA.equals(name) || CALL_TOOL.equals(name);
    }

    /** Runs a discovery tool; {@value #CALL_TOOL} passes the named tool to {@code runner}. */
    public ToolResult call(String name, JsonNode args, ToolRunner runner, ProgressListener progress) {
        Meta meta = META.get(name);
        if (meta == null || !handles(name)) {
            return ToolResult.failed(new ToolError(
                    "Unknown discovery tool '" + name + "'.",
                    ToolError.Code.UNKNOWN_TOOL,
                    null,
                    false,
                    null,
                    List.of()));
        }
        JsonNode given = args == null || args.isNull() || args.isMissingNode()
                ? ScaleJson.mapper().createObjectNode()
                : args;
        List<ToolError.Problem> problems = SchemaSupport.problems(SchemaSupport.compile(meta.inputSchema()), given);
        if (!problems.isEmpty()) {
            return ToolResult.failed(ToolError.invalidInput(problems));
        }
        return switch (name) {
            case SEARCH_TOOLS -> search(given);
            case GET_TOOL_SCHEMA -> schema(given.path("name").asString());
            default ->
                runner.run(
                        given.path("name").asString(),
                        given.path("arguments").isObject()
                                ? given.get("arguments")
                                : ScaleJson.mapper().createObjectNode(),
                        progress);
        };
    }

    private ToolResult search(JsonNode args) {
        String query = args.path("query").asString();
        int limit = args.path("limit").asInt(DEFAULT_LIMIT);
        ObjectNode data = ScaleJson.mapper().createObjectNode();
        var tools = data.putArray("tools");
        for (ToolSearch.Hit hit : search.search(query, limit, t -> visible.containsKey(t.slug()))) {
            tools.addObject().put("name", hit.name()).put("description", hit.description());
        }
        data.put(
                "next",
                tools.isEmpty()
                        ? "Nothing matched; try other words (e.g. 'create a batch', 'list tasks')."
                        : "Read a tool's schema with " + GET_TOOL_SCHEMA + ", then call it with " + CALL_TOOL + ".");
        return ToolResult.ok(data);
    }

    private ToolResult schema(String name) {
        Optional<ToolSpec> known = catalog.find(name);
        if (known.isEmpty()) {
            return ToolResult.failed(new ToolError(
                    "Unknown tool '" + name + "'. Find tools with " + SEARCH_TOOLS + ".",
                    ToolError.Code.UNKNOWN_TOOL,
                    null,
                    false,
                    null,
                    List.of()));
        }
        ToolSpec spec = visible.get(known.get().slug());
        if (spec == null) {
            return ToolResult.failed(new ToolError(
                    "Tool " + known.get().slug() + " is not allowed for this caller.",
                    ToolError.Code.TOOL_NOT_ALLOWED,
                    null,
                    false,
                    null,
                    List.of()));
        }
        ObjectNode data = ScaleJson.mapper().createObjectNode();
        data.put("name", spec.slug());
        data.put("title", spec.title());
        data.put("description", spec.description());
        data.set("input_schema", spec.inputSchema());
        data.set("output_schema", spec.outputSchema());
        data.set("annotations", spec.annotations());
        return ToolResult.ok(data);
    }

    private static Map<String, Meta> loadMeta() {
        try (InputStream in = Discovery.class.getClassLoader().getResourceAsStream("scale/discovery/tools.json")) {
            if (in == null) {
                throw new IllegalStateException("scale/discovery/tools.json is missing from the class path");
            }
            Map<String, Meta> out = new LinkedHashMap<>();
            for (JsonNode t : ScaleJson.mapper().readTree(in)) {
                List<String> none = new ArrayList<>();
                ToolSpec spec = new ToolSpec(
                        t.get("slug").asString(),
                        t.get("title").asString(),
                        t.get("description").asString(),
                        (ObjectNode) t.get("inputSchema"),
                        (ObjectNode) t.get("outputSchema"),
                        (ObjectNode) t.get("annotations"),
                        EnumSet.of(Profile.DISCOVERY),
                        none);
                out.put(spec.slug(), new Meta(spec, (ObjectNode) t.get("inputSchema")));
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
