package dev.scaletoolkit.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ProgressListener;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.agent.AgentToolSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Scale tools as LangChain4j tools: a {@link ToolSpecification} per tool (each parameter's JSON Schema passed
 * as it is, through {@link JsonRawSchema}) and a {@link ToolExecutor} that runs it. Give {@link #tools()} to
 * {@code AiServices.builder(…).tools(…)}.
 *
 * <pre>{@code
 * // straight on a key:
 * var tools = ScaleLangChain4jTools.of(AgentToolSet.of(ToolRegistry.load(ScaleBackend.http(url, key)), Profile.CORE));
 * // or as a gateway token, in process (scope, budgets, confirmation and audit):
 * var tools = ScaleLangChain4jTools.of(gateway.gate().toolSet(Caller.of(token), Approver.NONE));
 * Assistant a = AiServices.builder(Assistant.class).chatModel(model).tools(tools.tools()).build();
 * }</pre>
 *
 * <p>A successful call returns the envelope {@code {successful, data, error}} as JSON text (cut to the result
 * budget, with {@code truncated}, when larger). A failed or refused call throws LangChain4j's
 * {@link ToolExecutionException} with that envelope as its message, so the AI service's
 * {@code toolExecutionErrorHandler} sees it, and by default the model reads the error code and can act on it.
 */
public final class ScaleLangChain4jTools {
    private final AgentToolSet set;
    private final Map<ToolSpecification, ToolExecutor> tools;

    private ScaleLangChain4jTools(AgentToolSet set) {
        this.set = set;
        Map<ToolSpecification, ToolExecutor> map = new LinkedHashMap<>();
        for (ToolSpec spec : set.tools()) {
            map.put(specification(spec), (request, memoryId) -> execute(request));
        }
        this.tools = java.util.Collections.unmodifiableMap(map);
    }

    /** The tools of {@code set}, which decides what is listed and how calls run. */
    public static ScaleLangChain4jTools of(AgentToolSet set) {
        return new ScaleLangChain4jTools(set);
    }

    /** Every tool with its executor, for {@code AiServices.builder(…).tools(map)}. */
    public Map<ToolSpecification, ToolExecutor> tools() {
        return tools;
    }

    /** The specifications alone, e.g. for a {@code ChatRequest} you drive yourself. */
    public List<ToolSpecification> specifications() {
        return new ArrayList<>(tools.keySet());
    }

    /** Runs one request as its executor does (for loops that execute tool requests themselves). */
    public String execute(ToolExecutionRequest request) {
        JsonNode args;
        String text = request.arguments();
        try {
            args = text == null || text.isBlank()
                    ? ScaleJson.mapper().createObjectNode()
                    : ScaleJson.mapper().readTree(text);
        } catch (JacksonException e) {
            throw new ToolExecutionException(
                    "The arguments of " + request.name() + " are not JSON: " + e.getOriginalMessage());
        }
        ObjectNode envelope = set.callSized(request.name(), args, ProgressListener.NONE);
        String json = ScaleJson.mapper().writeValueAsString(envelope);
        if (!envelope.path("successful").asBoolean(false)) {
            throw new ToolExecutionException(json);
        }
        return json;
    }

    /** A tool's LangChain4j specification; parameter schemas (and {@code $defs}) are kept as written. */
    static ToolSpecification specification(ToolSpec spec) {
        ObjectNode input = spec.inputSchema();
        JsonObjectSchema.Builder params = JsonObjectSchema.builder();
        input.path("properties")
                .properties()
                .forEach(e -> params.addProperty(
                        e.getKey(), JsonRawSchema.from(e.getValue().toString())));
        List<String> required = new ArrayList<>();
        input.path("required").forEach(r -> required.add(r.asString()));
        params.required(required);
        if (input.path("additionalProperties").isBoolean()) {
            params.additionalProperties(input.get("additionalProperties").asBoolean());
        }
        if (input.path("$defs").isObject()) {
            Map<String, dev.langchain4j.model.chat.request.json.JsonSchemaElement> defs = new LinkedHashMap<>();
            input.get("$defs")
                    .properties()
                    .forEach(e ->
                            defs.put(e.getKey(), JsonRawSchema.from(e.getValue().toString())));
            params.definitions(defs);
        }
        return ToolSpecification.builder()
                .name(spec.slug())
                .description(spec.description())
                .parameters(params.build())
                .build();
    }
}
