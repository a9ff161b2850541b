package dev.scaletoolkit.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.audit.AuditEntry;
import dev.scaletoolkit.gateway.call.Approver;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolSpec;
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

/**
 * LangChain4j's own AI service, driven by a scripted chat model (no network), calling the Scale tools on a real
 * emulator: directly, and as gateway tokens, where a refusal comes back as LangChain4j's tool error and is audited.
 */
@ScaleEmulatorTest(workforce = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleLangChain4jToolsTest {
    private RunningEmulator scale;
    private Gateway gateway;

    interface Assistant {
        String chat(String message);
    }

    @BeforeAll
    void start(RunningEmulator emulator) throws Exception {
        scale = emulator;
        gateway = Gateway.open(Files.createTempDirectory("langchain4j-gateway"), Map.<String, String>of()::get);
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
    void anAiServiceCallsTheToolsAndTheModelReadsTheirResults() {
        ToolRegistry registry = ToolRegistry.load(ScaleBackend.http(scale.baseUrl(), scale.liveKey()));
        ScaleLangChain4jTools tools = ScaleLangChain4jTools.of(AgentToolSet.of(registry, Profile.CORE));
        assertThat(tools.specifications())
                .extracting(ToolSpecification::name)
                .containsAll(
                        registry.list(Profile.CORE).stream().map(ToolSpec::slug).toList())
                .contains("SCALE_AI_READ_RESULT");
        ToolSpecification createTask = tools.specifications().stream()
                .filter(s -> s.name().equals("SCALE_AI_CREATE_PROJECT"))
                .findFirst()
                .orElseThrow();
        assertThat(((JsonRawSchema) createTask.parameters().properties().get("type")).schema())
                .contains("imageannotation");
        assertThat(createTask.parameters().required()).contains("name", "type");

        ScriptedModel model = new ScriptedModel(
                List.of(request("SCALE_AI_CREATE_PROJECT", "{\"name\":\"lc4j\",\"type\":\"categorization\"}")),
                List.of(request("SCALE_AI_LIST_PROJECTS", "{}")));
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(model)
                .tools(tools.tools())
                .build();

        assertThat(assistant.chat("Make a project called lc4j and list my projects"))
                .isEqualTo("done");
        List<ToolExecutionResultMessage> results = model.toolResults();
        assertThat(results).hasSize(2);
        assertThat(results.get(0).text()).contains("\"successful\":true").contains("lc4j");
        assertThat(results.get(1).text()).contains("lc4j");
    }

    @Test
    void aRefusedCallIsLangChain4jsToolErrorAndIsAudited() {
        AgentTokens.Created token = gateway.tokens()
                .create(new AgentTokens.NewToken("lc4j-agent", "test", Profile.FULL, null, null, false));
        ScaleLangChain4jTools tools =
                ScaleLangChain4jTools.of(gateway.gate().toolSet(Caller.of(token.token()), Approver.NONE));
        List<Throwable> errors = new ArrayList<>();
        ScriptedModel model = new ScriptedModel(List.of(request(
                "SCALE_AI_CREATE_TASKS_FROM_JSONL",
                "{\"type\":\"categorization\",\"project\":\"p\",\"jsonl\":\"{}\"}")));
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(model)
                .tools(tools.tools())
                .toolExecutionErrorHandler((error, context) -> {
                    errors.add(error);
                    return ToolErrorHandlerResult.text(error.getMessage());
                })
                .build();

        assertThat(assistant.chat("Create tasks")).isEqualTo("done");
        // the AI service hands its error handler what the executor's ToolExecutionException carries
        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("confirmation_required"));
        assertThat(model.toolResults().get(0).text()).contains("confirmation_required");
        assertThatThrownBy(() -> tools.execute(request("SCALE_AI_CREATE_TASKS_FROM_JSONL", "{\"type\":\"x\"}")))
                .isInstanceOf(dev.langchain4j.exception.ToolExecutionException.class)
                .hasMessageContaining("\"successful\":false");
        AuditEntry last = gateway.audit().newest(1).get(0);
        assertThat(last.tool()).isEqualTo("SCALE_AI_CREATE_TASKS_FROM_JSONL");
        assertThat(last.errorCode()).isEqualTo("confirmation_required");
        assertThat(last.caller()).contains("lc4j-agent");
    }

    @Test
    void aScopedDiscoveryTokenReachesOnlyItsTools() {
        AgentTokens.Created token = gateway.tokens()
                .create(new AgentTokens.NewToken(
                        "lc4j-scoped", "test", Profile.DISCOVERY, List.of("LIST_PROJECTS"), null, false));
        ScaleLangChain4jTools tools =
                ScaleLangChain4jTools.of(gateway.gate().toolSet(Caller.of(token.token()), Approver.NONE));
        assertThat(tools.specifications())
                .extracting(ToolSpecification::name)
                .containsExactly(
                        "SCALE_AI_SEARCH_TOOLS",
                        "SCALE_AI_GET_TOOL_SCHEMA",
                        "SCALE_AI_CALL_TOOL",
                        "SCALE_AI_READ_RESULT");
        ScriptedModel model = new ScriptedModel(
                List.of(request("SCALE_AI_SEARCH_TOOLS", "{\"query\":\"create a project\"}")),
                List.of(request(
                        "SCALE_AI_CALL_TOOL",
                        "{\"name\":\"CREATE_PROJECT\",\"arguments\":{\"name\":\"x\",\"type\":\"categorization\"}}")),
                List.of(request("SCALE_AI_CALL_TOOL", "{\"name\":\"LIST_PROJECTS\"}")));
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(model)
                .tools(tools.tools())
                .toolExecutionErrorHandler((error, context) -> ToolErrorHandlerResult.text(error.getMessage()))
                .build();

        assistant.chat("Make a project");
        List<ToolExecutionResultMessage> results = model.toolResults();
        assertThat(results.get(0).text()).contains("SCALE_AI_LIST_PROJECTS").doesNotContain("CREATE_PROJECT");
        assertThat(results.get(1).text()).contains("tool_not_allowed");
        assertThat(results.get(2).text()).contains("\"successful\":true");
        List<AuditEntry> audit = gateway.audit().newest(2);
        assertThat(audit)
                .extracting(AuditEntry::tool)
                .containsExactlyInAnyOrder("SCALE_AI_CREATE_PROJECT", "SCALE_AI_LIST_PROJECTS");
        assertThat(audit)
                .filteredOn(e -> e.tool().equals("SCALE_AI_CREATE_PROJECT"))
                .singleElement()
                .extracting(AuditEntry::errorCode)
                .isEqualTo("tool_not_allowed");
    }

    private static ToolExecutionRequest request(String name, String arguments) {
        return ToolExecutionRequest.builder()
                .id(name + "-" + arguments.hashCode())
                .name(name)
                .arguments(arguments)
                .build();
    }

    /** A chat model that plays a script: each turn asks for the next tool calls, then it answers "done". */
    static final class ScriptedModel implements ChatModel {
        private final Deque<List<ToolExecutionRequest>> turns;
        private final List<ChatRequest> seen = new ArrayList<>();

        @SafeVarargs
        ScriptedModel(List<ToolExecutionRequest>... turns) {
            this.turns = new ArrayDeque<>(List.of(turns));
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            seen.add(request);
            List<ToolExecutionRequest> next = turns.poll();
            AiMessage answer = next == null ? AiMessage.from("done") : AiMessage.from(next);
            return ChatResponse.builder().aiMessage(answer).build();
        }

        /** The tool results the model was shown, in order. */
        List<ToolExecutionResultMessage> toolResults() {
            ChatRequest last = seen.get(seen.size() - 1);
            List<ToolExecutionResultMessage> out = new ArrayList<>();
            for (ChatMessage m : last.messages()) {
                if (m instanceof ToolExecutionResultMessage r) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    static {
        ScaleJson.mapper(); // the toolkit's mapper is Jackson 3; LangChain4j's own is Jackson 2, side by side
    }
}
