package dev.scaletoolkit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Listings come a small page at a time, with the same next_token whether Scale pages the endpoint or not. */
@ScaleEmulatorTest(workforce = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingTest {
    private RunningEmulator scale;
    private ToolRegistry tools;

    @BeforeAll
    void start(RunningEmulator emulator) {
        scale = emulator;
        tools = ToolRegistry.load(ScaleBackend.http(scale.baseUrl(), scale.liveKey()));
        for (int i = 0; i < 25; i++) {
            ok("CREATE_PROJECT", "{\"name\":\"paged-" + i + "\",\"type\":\"categorization\"}");
            ok("CREATE_BATCH", "{\"project\":\"paged-0\",\"name\":\"paged-batch-" + i + "\"}");
        }
    }

    @Test
    void projectsAreListedTwentyAtATimeAndTheTokenReadsOn() {
        JsonNode first = ok("LIST_PROJECTS", "{}");
        assertThat(first.path("docs")).hasSize(Paging.DEFAULT_LIMIT);
        int total = first.path("total").asInt();
        assertThat(total).isGreaterThanOrEqualTo(25);
        JsonNode second = ok(
                "LIST_PROJECTS",
                "{\"limit\":100,\"next_token\":\"" + first.path("next_token").asString() + "\"}");
        assertThat(second.path("docs")).hasSize(total - Paging.DEFAULT_LIMIT);
        assertThat(second.path("next_token").isNull()).isTrue();
        assertThat(second.path("docs").get(0).toString())
                .isNotEqualTo(first.path("docs").get(0).toString());
    }

    @Test
    void batchesUseTheSameTokenOverScalesOffsets() {
        JsonNode first = ok("LIST_BATCHES", "{\"project\":\"paged-0\",\"limit\":10}");
        assertThat(first.path("docs")).hasSize(10);
        JsonNode second = ok(
                "LIST_BATCHES",
                "{\"project\":\"paged-0\",\"limit\":10,\"next_token\":\""
                        + first.path("next_token").asString() + "\"}");
        JsonNode third = ok(
                "LIST_BATCHES",
                "{\"project\":\"paged-0\",\"limit\":10,\"next_token\":\""
                        + second.path("next_token").asString() + "\"}");
        assertThat(second.path("docs")).hasSize(10);
        assertThat(third.path("docs")).hasSize(5);
        assertThat(third.path("next_token").isNull()).isTrue();
        assertThat(ok("LIST_BATCHES", "{\"project\":\"paged-0\"}").path("docs")).hasSize(Paging.DEFAULT_LIMIT);
    }

    @Test
    void aForgedTokenIsNamed() {
        ToolResult bad = tools.call("LIST_PROJECTS", json("{\"next_token\":\"zzz\"}"), null);
        assertThat(bad.error().code()).isEqualTo("invalid_input");
        assertThat(bad.error().problems().get(0).field()).isEqualTo("next_token");
    }

    private JsonNode ok(String tool, String args) {
        ToolResult r = tools.call(tool, json(args), null);
        assertThat(r.successful()).as(tool + " " + r.toJson()).isTrue();
        assertThat(tools.checkOutput(tool, r.data()))
                .as(tool + " output schema")
                .isEmpty();
        return r.data();
    }

    private static JsonNode json(String text) {
        return ScaleJson.mapper().readTree(text);
    }
}
