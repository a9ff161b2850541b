package dev.scaletoolkit.springai;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ProgressListener;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.agent.AgentToolSet;
import java.util.List;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Scale tools as Spring AI {@link ToolCallback}s: each tool's definition (name, description, its JSON Schema as
 * written) and a call that runs it. Pass {@link #toolCallbacks()} to {@code ChatClient…toolCallbacks(…)} or to
 * {@code ToolCallingChatOptions}.
 *
 * <pre>{@code
 * // straight on a key:
 * var tools = ScaleSpringAiTools.of(AgentToolSet.of(ToolRegistry.load(ScaleBackend.http(url, key)), Profile.CORE));
 * // or as a gateway token, in process (scope, budgets, confirmation and audit):
 * var tools = ScaleSpringAiTools.of(gateway.gate().toolSet(Caller.of(token), Approver.NONE));
 * String answer = ChatClient.create(model).prompt("List my projects").toolCallbacks(tools.toolCallbacks()).call().content();
 * }</pre>
 *
 * <p>A successful call returns the envelope {@code {successful, data, error}} as JSON text (cut to the result
 * budget, with {@code truncated}, when larger). A failed or refused call throws Spring AI's
 * {@link ToolExecutionException}, whose message is that envelope: the default exception processor hands it to the
 * model, and one built with {@code alwaysThrow(true)} stops the exchange.
 */
public final class ScaleSpringAiTools {
    private final List<ToolCallback> callbacks;

    private ScaleSpringAiTools(AgentToolSet set) {
        this.callbacks = set.tools().stream()
                .map(spec -> (ToolCallback) new ScaleToolCallback(set, spec))
                .toList();
    }

    /** The tools of {@code set}, which decides what is listed and how calls run. */
    public static ScaleSpringAiTools of(AgentToolSet set) {
        return new ScaleSpringAiTools(set);
    }

    /** One callback per tool. */
    public List<ToolCallback> toolCallbacks() {
        return callbacks;
    }

    /** One tool as a Spring AI callback. */
    private static final class ScaleToolCallback implements ToolCallback {
        private final AgentToolSet set;
        private final ToolDefinition definition;

        ScaleToolCallback(AgentToolSet set, ToolSpec spec) {
            this.set = set;
            this.definition = ToolDefinition.builder()
                    .name(spec.slug())
                    .description(spec.description())
                    .inputSchema(spec.inputSchema().toString())
                    .build();
        }

        @Override
        public ToolDefinition getToolDefinition() {
            return definition;
        }

        @Override
        public String call(String toolInput) {
            JsonNode args;
            try {
                args = toolInput == null || toolInput.isBlank()
                        ? ScaleJson.mapper().createObjectNode()
                        : ScaleJson.mapper().readTree(toolInput);
            } catch (JacksonException e) {
                throw new ToolExecutionException(
                        definition,
                        new IllegalArgumentException(
                                "The arguments of " + definition.name() + " are not JSON: " + e.getOriginalMessage()));
            }
            ObjectNode envelope = set.callSized(definition.name(), args, ProgressListener.NONE);
            String json = ScaleJson.mapper().writeValueAsString(envelope);
            if (!envelope.path("successful").asBoolean(false)) {
                throw new ToolExecutionException(definition, new ScaleToolFailure(json));
            }
            return json;
        }

        @Override
        public String call(String toolInput, ToolContext context) {
            return call(toolInput);
        }
    }

    /** Why a tool call failed: the envelope, with its error code, as the message. */
    public static final class ScaleToolFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScaleToolFailure(String envelope) {
            super(envelope, null, false, false);
        }
    }
}
