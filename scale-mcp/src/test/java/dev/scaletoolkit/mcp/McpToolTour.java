package dev.scaletoolkit.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.scaletoolkit.model.jackson.ScaleJson;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives every tool through an MCP client, in the order a user would meet them (projects, batches, tasks of every
 * type, edits, waiting, audits, files, teams, Studio), as a model connected to the server would. Each answer must
 * be {@code successful: true} and its {@code structuredContent} must validate, on the client side, against the
 * output schema the server listed for that tool. Shared by the streamable-HTTP and the stdio tests.
 */
public final class McpToolTour {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final String GEOMETRIES = "{\"box\":{\"objects_to_annotate\":[\"cat\",{\"choice\":\"dog\","
            + "\"subchoices\":[\"puppy\"]}],\"min_width\":5},\"polygon\":{\"objects_to_annotate\":[\"road\"]}}";

    private final McpSyncClient client;
    private final Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();
    private final Map<String, Schema> outputSchemas = new LinkedHashMap<>();
    private final Set<String> called = new LinkedHashSet<>();

    /** True when every call goes through SCALE_AI_CALL_TOOL and schemas come from SCALE_AI_GET_TOOL_SCHEMA. */
    private final boolean discovery;

    /** Lists the server's tools (following every cursor) and compiles their output schemas. */
    public McpToolTour(McpSyncClient client) {
        this(client, false);
    }

    /**
     * A tour of a discovery-profile server: each tool is called through {@code SCALE_AI_CALL_TOOL}, and its result
     * checked against the schema {@code SCALE_AI_GET_TOOL_SCHEMA} returns, as an agent would find them.
     */
    public static McpToolTour throughDiscovery(McpSyncClient client) {
        return new McpToolTour(client, true);
    }

    private McpToolTour(McpSyncClient client, boolean discovery) {
        this.client = client;
        this.discovery = discovery;
        for (McpSchema.Tool tool : listAll(client)) {
            tools.put(tool.name(), tool);
            if (tool.outputSchema() != null) { // SCALE_AI_READ_RESULT's data is a part of another tool's
                outputSchemas.put(tool.name(), SCHEMAS.getSchema(toJson(tool.outputSchema())));
            }
        }
    }

    /** Every tool the server lists, across pages. */
    public static List<McpSchema.Tool> listAll(McpSyncClient client) {
        List<McpSchema.Tool> out = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
            out.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    public Map<String, McpSchema.Tool> tools() {
        return tools;
    }

    /** The tools this tour called successfully so far. */
    public Set<String> called() {
        return called;
    }

    /** Arguments for a call, written as JSON text. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> args(String json) {
        return ScaleJson.mapper().readValue(json, Map.class);
    }

    public static JsonNode toJson(Object value) {
        return ScaleJson.mapper().valueToTree(value);
    }

    /** Calls a tool without judging the answer. */
    public McpSchema.CallToolResult raw(String tool, Map<String, Object> arguments) {
        if (discovery) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("name", tool);
            wrapped.put("arguments", arguments);
            return client.callTool(McpSchema.CallToolRequest.builder("SCALE_AI_CALL_TOOL")
                    .arguments(wrapped)
                    .build());
        }
        return client.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    /** The output schema of a tool the discovery server does not list: its data schema, wrapped in the envelope. */
    private Schema discoveredSchema(String tool) {
        McpSchema.CallToolResult r = client.callTool(McpSchema.CallToolRequest.builder("SCALE_AI_GET_TOOL_SCHEMA")
                .arguments(Map.of("name", tool))
                .build());
        JsonNode data = toJson(r.structuredContent()).path("data");
        assertThat(data.path("name").asString())
                .as("schema of " + tool + ": " + data)
                .isEqualTo(tool);
        return SCHEMAS.getSchema(
                McpToolAdapter.envelopeSchema((tools.jackson.databind.node.ObjectNode) data.get("output_schema")));
    }

    /** Every way the structured result breaks the tool's listed output schema (empty when it fits). */
    public List<String> outputProblems(String tool, McpSchema.CallToolResult result) {
        Schema schema =
                discovery ? outputSchemas.computeIfAbsent(tool, this::discoveredSchema) : outputSchemas.get(tool);
        assertThat(schema).as("output schema listed for " + tool).isNotNull();
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(toJson(result.structuredContent()))) {
            out.add(e.toString());
        }
        return out;
    }

    /** Calls a tool and asserts success and the output schema; returns {@code data}. */
    public JsonNode call(String tool, String jsonArgs) {
        McpSchema.CallToolResult result = raw(tool, args(jsonArgs));
        JsonNode envelope = toJson(result.structuredContent());
        assertThat(result.isError())
                .as(tool + " answered an error: " + envelope)
                .isNotEqualTo(Boolean.TRUE);
        assertThat(envelope.path("successful").asBoolean(false))
                .as(tool + " envelope: " + envelope)
                .isTrue();
        assertThat(outputProblems(tool, result)).as(tool + " output schema").isEmpty();
        called.add(tool);
        return envelope.get("data");
    }

    private String taskId(String tool, String jsonArgs) {
        return call(tool, jsonArgs).get("task_id").asString();
    }

    /** Calls every listed tool once or more, in a sensible order; returns the tools called. */
    public Set<String> runAll() {
        projectsAndBatches();
        String image = imageTaskEdits();
        cancelFreshTask();
        JsonNode waited = call(
                "SCALE_AI_WAIT_FOR_TASK",
                "{\"task_id\":\"" + image + "\",\"timeout_seconds\":60,\"poll_interval_seconds\":0.2}");
        assertThat(waited.at("/task/status").asString()).isEqualTo("completed");
        call("SCALE_AI_AUDIT_TASK", "{\"task_id\":\"" + image + "\",\"accepted\":false,\"comments\":\"Missed one.\"}");
        call("SCALE_AI_GET_FIXLESS_AUDITS", "{\"task_id\":\"" + image + "\"}");
        call("SCALE_AI_POST_V1_TASK_SEND_CALLBACK", "{\"task_id\":\"" + image + "\"}");
        String segmentation = otherTaskTypes();
        secureResponse(segmentation);
        call("SCALE_AI_FINALIZE_BATCH", "{\"batch_name\":\"cats-1\"}");
        call("SCALE_AI_GET_BATCH_STATUS", "{\"batch_name\":\"cats-1\"}");
        JsonNode batch = call(
                "SCALE_AI_WAIT_FOR_BATCH",
                "{\"batch_name\":\"cats-1\",\"timeout_seconds\":60,\"poll_interval_seconds\":0.2}");
        assertThat(batch.get("finished").asBoolean())
                .as("batch finished: " + batch)
                .isTrue();
        bulkAndExport();
        filesAndTeams();
        studio();
        call("SCALE_AI_GET_QUALITY_LABELERS", "{\"labeler_emails\":[\"owner@test.example\"]}");
        return called;
    }

    private void projectsAndBatches() {
        call(
                "SCALE_AI_CREATE_PROJECT",
                "{\"name\":\"cats\",\"type\":\"imageannotation\",\"params\":{\"instruction\":\"Box every animal.\"}}");
        call("SCALE_AI_LIST_PROJECTS", "{}");
        call("SCALE_AI_GET_PROJECT", "{\"name\":\"cats\"}");
        call("SCALE_AI_SET_PROJECT_PARAMS", "{\"name\":\"cats\",\"instruction\":\"Be exact.\",\"patch\":true}");
        call(
                "SCALE_AI_SET_PROJECT_ONTOLOGY",
                "{\"project_name\":\"cats\",\"ontology\":[\"cat\",\"dog\"],\"ontology_name\":\"v1\"}");
        call("SCALE_AI_CREATE_BATCH", "{\"project\":\"cats\",\"name\":\"cats-1\",\"metadata\":{\"week\":1}}");
        call("SCALE_AI_GET_BATCH", "{\"batch_name\":\"cats-1\"}");
        call("SCALE_AI_LIST_BATCHES", "{\"project\":\"cats\",\"limit\":10}");
    }

    private String imageTaskEdits() {
        String id = taskId(
                "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK",
                "{\"project\":\"cats\",\"batch\":\"cats-1\",\"attachment\":\"https://example.com/c.png\","
                        + "\"geometries\":" + GEOMETRIES + ",\"unique_id\":\"img-1\",\"tags\":[\"t1\"],"
                        + "\"metadata\":{\"shard\":1},\"callback_url\":\"http://127.0.0.1:9/cb\"}");
        String task = "{\"task_id\":\"" + id + "\"";
        call("SCALE_AI_GET_TASK", task + "}");
        call("SCALE_AI_GET_V1_TASK", task + "}");
        call("SCALE_AI_LIST_TASKS", "{\"project\":\"cats\",\"limit\":5}");
        call("SCALE_AI_ADD_TASK_TAGS", task + ",\"tags\":[\"t2\",\"t3\"]}");
        call("SCALE_AI_DELETE_TASK_TAGS", task + ",\"tags\":[\"t1\"]}");
        call("SCALE_AI_SET_TASK_METADATA", task + ",\"metadata\":{\"k\":\"v\"}}");
        call("SCALE_AI_UPDATE_TASK_UNIQUE_ID", task + ",\"unique_id\":\"img-1b\"}");
        call("SCALE_AI_DELETE_TASK_UNIQUE_ID", task + "}");
        return id;
    }

    private void cancelFreshTask() {
        String id = taskId(
                "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK",
                "{\"project\":\"cats\",\"attachment\":\"https://example.com/d.png\",\"geometries\":" + GEOMETRIES
                        + ",\"unique_id\":\"to-cancel\"}");
        JsonNode canceled = call("SCALE_AI_CANCEL_TASK", "{\"task_id\":\"" + id + "\",\"clear_unique_id\":true}");
        assertThat(canceled.get("status").asString()).isEqualTo("canceled");
    }

    /** Creates one task of each remaining type (one project per type); returns the segmentation task. */
    private String otherTaskTypes() {
        Map<String, String[]> creates = new LinkedHashMap<>();
        creates.put("SCALE_AI_CREATE_DOCUMENT_TRANSCRIPTION_TASK", new String[] {
            "documenttranscription",
            "\"attachment\":\"https://example.com/doc.pdf\",\"features\":[{\"type\":\"block\",\"label\":\"total\"}],"
                    + "\"geometry\":\"box\""
        });
        creates.put("SCALE_AI_CREATE_LIDAR_ANNOTATION_TASK", new String[] {
            "lidarannotation",
            "\"attachments\":[\"https://example.com/f1.json\"],\"attachment_type\":\"json\",\"labels\":[\"car\"]"
        });
        creates.put("SCALE_AI_CREATE_LIDAR_SEGMENTATION_TASK", new String[] {
            "lidarsegmentation",
            "\"attachments\":[\"https://example.com/f1.json\"],\"attachment_type\":\"json\",\"labels\":[\"road\"]"
        });
        creates.put("SCALE_AI_CREATE_NAMED_ENTITY_RECOGNITION_TASK", new String[] {
            "namedentityrecognition", "\"text\":\"Ada met Alan in London.\",\"labels\":[{\"name\":\"PERSON\"}]"
        });
        creates.put("SCALE_AI_CREATE_SEGMENTATION_ANNOTATION_TASK", new String[] {
            "segmentannotation",
            "\"attachment\":\"https://example.com/s.png\",\"labels\":[\"road\",{\"choice\":\"car\"}]"
        });
        creates.put("SCALE_AI_CREATE_TEXT_COLLECTION_TASK", new String[] {
            "textcollection",
            "\"fields\":[{\"type\":\"text\",\"field_id\":\"summary\",\"title\":\"Summary\"}],"
                    + "\"attachments\":[{\"type\":\"text\",\"content\":\"Some text\"}]"
        });
        creates.put("SCALE_AI_CREATE_VIDEO_ANNOTATION_TASK", new String[] {
            "videoannotation",
            "\"attachment_type\":\"video\",\"attachment\":\"https://example.com/v.mp4\",\"geometries\":" + GEOMETRIES
        });
        creates.put("SCALE_AI_CREATE_VIDEO_PLAYBACK_ANNOTATION_TASK", new String[] {
            "videoplaybackannotation", "\"attachment\":\"https://example.com/v.mp4\",\"geometries\":" + GEOMETRIES
        });
        String segmentation = null;
        for (Map.Entry<String, String[]> c : creates.entrySet()) {
            String type = c.getValue()[0];
            // Scale binds a project to one task type
            call("SCALE_AI_CREATE_PROJECT", "{\"name\":\"p-" + type + "\",\"type\":\"" + type + "\"}");
            JsonNode task = call(
                    c.getKey(),
                    "{\"project\":\"p-" + type + "\",\"instruction\":\"Please label.\"," + c.getValue()[1] + "}");
            assertThat(task.get("type").asString()).as(c.getKey()).isEqualTo(type);
            if (type.equals("segmentannotation")) {
                segmentation = task.get("task_id").asString();
            }
        }
        return segmentation;
    }

    private void secureResponse(String segmentationTask) {
        JsonNode task = call(
                        "SCALE_AI_WAIT_FOR_TASK",
                        "{\"task_id\":\"" + segmentationTask
                                + "\",\"timeout_seconds\":60,\"poll_interval_seconds\":0.2}")
                .get("task");
        String text = task.path("response").toString();
        int at = text.indexOf("/response_url/");
        assertThat(at)
                .as("the segmentation response carries a secure URL: " + text)
                .isPositive();
        String uuid = text.substring(at + "/response_url/".length()).split("[\"?/]")[0];
        JsonNode file = call(
                "SCALE_AI_GET_V1_TASK_RESPONSE_URL",
                "{\"task_id\":\"" + segmentationTask + "\",\"uuid\":\"" + uuid + "\"}");
        assertThat(file.get("size").asInt()).isPositive();
    }

    private void bulkAndExport() {
        String line = "{\"attachment\":\"https://example.com/%d.png\",\"geometries\":" + GEOMETRIES
                + ",\"unique_id\":\"bulk-%d\"}\n";
        String jsonl = String.format(line, 1, 1) + String.format(line, 2, 2);
        JsonNode bulk = call(
                "SCALE_AI_CREATE_TASKS_FROM_JSONL",
                "{\"type\":\"imageannotation\",\"project\":\"cats\",\"jsonl\":"
                        + ScaleJson.mapper().writeValueAsString(jsonl) + "}");
        assertThat(bulk.get("created").asInt()).isEqualTo(2);
        JsonNode any = call(
                "SCALE_AI_CREATE_TASK",
                "{\"type\":\"imageannotation\",\"params\":{\"project\":\"cats\","
                        + "\"attachment\":\"https://example.com/any.png\",\"geometries\":" + GEOMETRIES + "}}");
        assertThat(any.get("type").asString()).isEqualTo("imageannotation");
        call("SCALE_AI_EXPORT_RESULTS", "{\"project\":\"cats\",\"status\":\"completed\"}");
    }

    private void filesAndTeams() {
        call("SCALE_AI_IMPORT_FILE", "{\"file_url\":\"https://example.com/cat.png\",\"project_name\":\"cats\"}");
        String hello = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        call(
                "SCALE_AI_UPLOAD_FILE",
                "{\"file\":{\"name\":\"notes.txt\",\"content_base64\":\"" + hello + "\"},"
                        + "\"project_name\":\"cats\",\"display_name\":\"Notes\",\"metadata\":{\"a\":1}}");
        call("SCALE_AI_GET_ASSETS", "{\"project\":\"cats\"}");
        call("SCALE_AI_GET_TEAMS", "{}");
        call("SCALE_AI_INVITE_TEAM_MEMBER", "{\"emails\":[\"new@test.example\"],\"team_role\":\"member\"}");
        call("SCALE_AI_LIST_USERS", "{\"limit\":1}");
    }

    private void studio() {
        call("SCALE_AI_CREATE_PROJECT", "{\"name\":\"studio-p\",\"type\":\"imageannotation\",\"studio\":true}");
        call("SCALE_AI_CREATE_BATCH", "{\"project\":\"studio-p\",\"name\":\"studio-b\"}");
        call("SCALE_AI_GET_STUDIO_ASSIGNMENTS", "{}");
        String assignment = "{\"emails\":[\"owner@test.example\"],\"projects\":[\"studio-p\"]}";
        call("SCALE_AI_ADD_STUDIO_ASSIGNMENTS", assignment);
        call("SCALE_AI_REMOVE_STUDIO_ASSIGNMENTS", assignment);
        JsonNode batches = call("SCALE_AI_GET_STUDIO_BATCHES", "{}").get("docs");
        assertThat(batches).as("pending Studio batches").isNotEmpty();
        ObjectNode order = ScaleJson.mapper().createObjectNode();
        var list = order.putArray("batches");
        batches.forEach(b -> list.addObject().put("name", b.get("name").asString()));
        call("SCALE_AI_SET_BATCH_PRIORITIES", order.toString());
        call("SCALE_AI_RESET_BATCH_PRIORITIES", "{}");
    }
}
