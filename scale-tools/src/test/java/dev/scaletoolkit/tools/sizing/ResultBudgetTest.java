package dev.scaletoolkit.tools.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A large result is cut to the budget with a marker, and every part of it can be read back. */
class ResultBudgetTest {
    private final ResultBudget budget = new ResultBudget(4096);

    @Test
    void aSmallResultIsLeftAlone() {
        ObjectNode envelope =
                ToolResult.ok(json("{\"docs\":[{\"task_id\":\"a\"}]}")).toJson();
        assertThat(budget.fit(envelope)).isSameAs(envelope);
    }

    @Test
    void aLargeListingIsCutToTheBudgetAndTheRestIsReadByPathAndOffset() {
        ObjectNode data = ScaleJson.mapper().createObjectNode();
        ArrayNode docs = data.putArray("docs");
        for (int i = 0; i < 200; i++) {
            docs.addObject().put("task_id", "task-" + i).put("status", "completed");
        }
        data.put("next_token", "abc");
        ObjectNode cut = budget.fit(ToolResult.ok(data).toJson());

        assertThat(ResultBudget.bytes(cut)).isLessThanOrEqualTo(4096);
        assertThat(cut.path("successful").asBoolean()).isTrue();
        assertThat(cut.path("data").path("next_token").asString()).isEqualTo("abc");
        JsonNode marker = cut.path("truncated");
        assertThat(marker.path("cut").get(0).path("path").asString()).isEqualTo("docs");
        int kept = marker.path("cut").get(0).path("kept").asInt();
        assertThat(kept)
                .isPositive()
                .isLessThan(200)
                .isEqualTo(cut.path("data").path("docs").size());
        assertThat(marker.path("cut").get(0).path("total").asInt()).isEqualTo(200);

        // read on from the first item not shown, page after page, until nothing is left
        int seen = kept;
        Integer offset = kept;
        while (offset != null) {
            ToolResult page = budget.read(json("{\"result_id\":\""
                    + marker.path("result_id").asString() + "\",\"path\":\"docs\",\"offset\":" + offset + "}"));
            assertThat(page.successful()).isTrue();
            assertThat(ResultBudget.bytes(page.toJson())).isLessThanOrEqualTo(4096);
            assertThat(page.data().path("value").get(0).path("task_id").asString())
                    .isEqualTo("task-" + seen);
            seen += page.data().path("value").size();
            offset = page.data().path("next_offset").isNull()
                    ? null
                    : page.data().path("next_offset").asInt();
        }
        assertThat(seen).isEqualTo(200);

        ToolResult one = budget.read(
                json("{\"result_id\":\"" + marker.path("result_id").asString() + "\",\"path\":\"docs.150.task_id\"}"));
        assertThat(one.data().path("value").asString()).isEqualTo("task-150");
    }

    @Test
    void aLongStringIsShortenedAndReadByCharacters() {
        ObjectNode data = ScaleJson.mapper().createObjectNode();
        data.putObject("response").put("text", "x".repeat(20_000));
        ObjectNode cut = budget.fit(ToolResult.ok(data).toJson());
        assertThat(ResultBudget.bytes(cut)).isLessThanOrEqualTo(4096);
        JsonNode c = cut.path("truncated").path("cut").get(0);
        assertThat(c.path("path").asString()).isEqualTo("response.text");
        assertThat(c.path("unit").asString()).isEqualTo("characters");
        ToolResult rest = budget.read(json("{\"result_id\":\""
                + cut.path("truncated").path("result_id").asString() + "\",\"path\":\"response.text\",\"offset\":"
                + c.path("kept").asInt() + "}"));
        assertThat(rest.data().path("total").asInt()).isEqualTo(20_000);
    }

    @Test
    void unknownIdsAndPathsAndBadBudgetsAreNamed() {
        ToolResult unknown = budget.read(json("{\"result_id\":\"res_nope\"}"));
        assertThat(unknown.error().code()).isEqualTo("not_found");
        ObjectNode data = ScaleJson.mapper().createObjectNode();
        data.put("text", "y".repeat(10_000));
        String id = budget.fit(ToolResult.ok(data).toJson())
                .path("truncated")
                .path("result_id")
                .asString();
        ToolResult badPath = budget.read(json("{\"result_id\":\"" + id + "\",\"path\":\"nothing.here\"}"));
        assertThat(badPath.error().problems().get(0).field()).isEqualTo("path");
        assertThatThrownBy(() -> ResultBudget.fromEnv(Map.of(ResultBudget.ENV, "lots")::get))
                .hasMessageContaining(ResultBudget.ENV);
        assertThat(ResultBudget.fromEnv(k -> null).maxBytes()).isEqualTo(16 * 1024);
    }

    private static JsonNode json(String text) {
        return ScaleJson.mapper().readTree(text);
    }
}
