package dev.scaletoolkit.tools.quality;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.HandlerTable;
import dev.scaletoolkit.tools.Shapes;
import dev.scaletoolkit.tools.ToolCall;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolInputException;
import dev.scaletoolkit.tools.backend.ScaleRequest;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tools for labeler quality data. */
public final class QualityTools {
    private QualityTools() {}

    public static void register(HandlerTable table) {
        table.add("SCALE_AI_GET_QUALITY_LABELERS", QualityTools::getQualityLabelers);
    }

    // GET /v1/quality/labelers (list filters as repeated keys)
    static JsonNode getQualityLabelers(ToolCall call) {
        if (call.strings("quality_task_ids").isEmpty()
                && call.strings("labeler_emails").isEmpty()) {
            throw new ToolInputException(List.of(
                    new ToolError.Problem("quality_task_ids", "at least one id, or give labeler_emails"),
                    new ToolError.Problem("labeler_emails", "at least one email, or give quality_task_ids")));
        }
        JsonNode answer = call.send(ScaleRequest.get("/quality/labelers")
                .queryAll("quality_task_ids", call.strings("quality_task_ids"))
                .queryAll("labeler_emails", call.strings("labeler_emails"))
                .query("limit", call.integer("limit"))
                .query("next_token", call.string("next_token")));
        ObjectNode out = Shapes.listData(Shapes.docs(answer), call.bool("full", false));
        out.set(
                "next_token",
                answer.hasNonNull("next_token")
                        ? answer.get("next_token")
                        : ScaleJson.mapper().nullNode());
        return out;
    }
}
