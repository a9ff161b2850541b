package dev.scaletoolkit.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.audit.AuditEntry;
import dev.scaletoolkit.gateway.call.Approver;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.agent.AgentToolSet;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionException;

/**
 * Spring AI's own tool-calling loop (user-controlled tool execution with its {@link ToolCallingManager}), driven
 * by a scripted chat model (no network), calling the Scale tools on a real emulator: directly, and as a gateway
 * token, where a refusal is Spring AI's {@link ToolExecutionException} and is audited.
 */
@ScaleEmulatorTest(workforce = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleSpringAiToolsTest {
    private RunningEmulator scale;
    private Gateway gateway;

    @BeforeAll
    void start(RunningEmulator emulator) throws Exception {
        scale = emulator;
        gateway = Gateway.open(Files.createTempDirectory("spring-ai-gateway"), Map.<String, String>of()::get);
        // as `scale up` does for the emulator it started: loopback base URLs are refused otherwise
        gateway.connections()
                .outbound()
                .recordStartedEmulator(java.net.URI.create(scale.baseUrl()).getAuthority());
        gateway.connections().add(new NewConnection("test", scale.baseUrl() + "/v1", null, scale.testKey(), null));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void theToolCallingLoopRunsTheToolsAndTheModelReadsTheResults() {
        ToolRegistry registry = ToolRegistry.load(ScaleBackend.http(scale.baseUrl(), scale.liveKey()));
        List<ToolCallback> callbacks =
                ScaleSpringAiTools.of(AgentToolSet.of(registry, Profile.CORE)).toolCallbacks();
        ToolCallback create = callbacks.stream()
                .filter(c -> c.getToolDefinition().name().equals("SCALE_AI_CREATE_PROJECT"))
                .findFirst()
                .orElseThrow();
        assertThat(create.getToolDefinition().inputSchema())
                .contains("\"required\"")
                .contains("imageannotation");

        ScriptedModel model = new ScriptedModel(
                List.of(toolCall("SCALE_AI_CREATE_PROJECT", "{\"name\":\"spring\",\"type\":\"categorization\"}")),
                List.of(toolCall("SCALE_AI_LIST_PROJECTS", "{}")));
        List<ToolResponseMessage.ToolResponse> responses =
                converse(model, callbacks, ToolCallingManager.builder().build());

        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).responseData())
                .contains("\"successful\":true")
                .contains("spring");
        assertThat(responses.get(1).responseData()).contains("spring");
    }

    @Test
    void aRefusedCallIsSpringAisToolExecutionExceptionAndIsAudited() {
        AgentTokens.Created token = gateway.tokens()
                .create(new AgentTokens.NewToken("spring-agent", "test", Profile.READONLY, null, null, false));
        List<ToolCallback> callbacks = ScaleSpringAiTools.of(
                        gateway.gate().toolSet(Caller.of(token.token()), Approver.NONE))
                .toolCallbacks();
        assertThat(callbacks).extracting(c -> c.getToolDefinition().name()).doesNotContain("SCALE_AI_CANCEL_TASK");
        ToolCallback getTask = callbacks.stream()
                .filter(c -> c.getToolDefinition().name().equals("SCALE_AI_GET_TASK"))
                .findFirst()
                .orElseThrow();

        // the callback itself throws Spring AI's exception, carrying the envelope
        assertThatThrownBy(() -> getTask.call("{\"task_id\":\"no-such-task\"}"))
                .isInstanceOf(ToolExecutionException.class)
                .hasMessageContaining("not_found");
        assertThat(gateway.audit().newest(1).get(0).errorCode()).isEqualTo("not_found");

        // in the loop, the default processor hands it to the model; alwaysThrow stops the exchange
        ScriptedModel model = new ScriptedModel(List.of(toolCall("SCALE_AI_GET_TASK", "{\"task_id\":\"nope\"}")));
        List<ToolResponseMessage.ToolResponse> responses =
                converse(model, callbacks, ToolCallingManager.builder().build());
        assertThat(responses.get(0).responseData()).contains("not_found");
        ScriptedModel strict = new ScriptedModel(List.of(toolCall("SCALE_AI_GET_TASK", "{\"task_id\":\"nope\"}")));
        ToolCallingManager throwing = DefaultToolCallingManager.builder()
                .toolExecutionExceptionProcessor(DefaultToolExecutionExceptionProcessor.builder()
                        .alwaysThrow(true)
                        .build())
                .build();
        assertThatThrownBy(() -> converse(strict, callbacks, throwing)).isInstanceOf(ToolExecutionException.class);
        AuditEntry last = gateway.audit().newest(1).get(0);
        assertThat(last.tool()).isEqualTo("SCALE_AI_GET_TASK");
        assertThat(last.caller()).contains("spring-agent");
    }

    @Test
    void aToolOutsideTheTokensScopeIsRefusedThroughDiscoveryAndAudited() {
        AgentTokens.Created token = gateway.tokens()
                .create(new AgentTokens.NewToken(
                        "spring-scoped", "test", Profile.DISCOVERY, List.of("LIST_PROJECTS"), null, false));
        List<ToolCallback> callbacks = ScaleSpringAiTools.of(
                        gateway.gate().toolSet(Caller.of(token.token()), Approver.NONE))
                .toolCallbacks();
        ScriptedModel model = new ScriptedModel(List.of(toolCall(
                "SCALE_AI_CALL_TOOL", "{\"name\":\"SCALE_AI_CANCEL_TASK\",\"arguments\":{\"task_id\":\"t\"}}")));
        List<ToolResponseMessage.ToolResponse> responses =
                converse(model, callbacks, ToolCallingManager.builder().build());
        assertThat(responses.get(0).responseData()).contains("tool_not_allowed");
        AuditEntry last = gateway.audit().newest(1).get(0);
        assertThat(last.tool()).isEqualTo("SCALE_AI_CANCEL_TASK");
        assertThat(last.errorCode()).isEqualTo("tool_not_allowed");
    }

    /** Spring AI's user-controlled tool execution: call, run the requested tools, call again, until an answer. */
    private static List<ToolResponseMessage.ToolResponse> converse(
            ScriptedModel model, List<ToolCallback> callbacks, ToolCallingManager manager) {
        var options = ToolCallingChatOptions.builder()
                .toolCallbacks(callbacks)
                .internalToolExecutionEnabled(false)
                .build();
        Prompt prompt = new Prompt("Do the work", options);
        ChatResponse response = model.call(prompt);
        List<ToolResponseMessage.ToolResponse> out = new ArrayList<>();
        while (response.hasToolCalls()) {
            ToolExecutionResult result = manager.executeToolCalls(prompt, response);
            List<Message> history = result.conversationHistory();
            if (history.get(history.size() - 1) instanceof ToolResponseMessage tools) {
                out.addAll(tools.getResponses());
            }
            prompt = new Prompt(history, options);
            response = model.call(prompt);
        }
        assertThat(response.getResult().getOutput().getText()).isEqualTo("done");
        return out;
    }

    private static AssistantMessage.ToolCall toolCall(String name, String arguments) {
        return new AssistantMessage.ToolCall(name + "-1", "function", name, arguments);
    }

    /** A chat model that plays a script: each turn asks for the next tool calls, then it answers "done". */
    static final class ScriptedModel implements ChatModel {
        private final Deque<List<AssistantMessage.ToolCall>> turns;

        @SafeVarargs
        ScriptedModel(List<AssistantMessage.ToolCall>... turns) {
            this.turns = new ArrayDeque<>(List.of(turns));
        }

        @Override
        public ChatResponse call(Prompt prompt) {
            List<AssistantMessage.ToolCall> next = turns.poll();
            AssistantMessage answer = next == null
                    ? new AssistantMessage("done")
                    : AssistantMessage.builder().content("").toolCalls(next).build();
            return new ChatResponse(List.of(new Generation(answer)));
        }
    }
}
