package dev.scaletoolkit.triggers.mcp;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.error.NotFoundException;
import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.gateway.connection.Connection;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.event.Event;
import dev.scaletoolkit.triggers.event.EventQuery;
import dev.scaletoolkit.triggers.event.Events;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events as MCP features for the agents of one connection: resources {@code scale://tasks/{id}} and
 * {@code scale://batches/{name}} (subscribe to hear {@code notifications/resources/updated} when their event
 * arrives), and the tools {@value #LIST_EVENTS} and {@value #WAIT_FOR_EVENT}.
 *
 * <p>An MCP server adds {@link #tools}, {@link #resourceTemplates} and {@link #CAPABILITY_RESOURCES} to its
 * specification, then calls {@link #publishTo} once it is built. A token that may not call a tool does not see it:
 * pass its allow-list as {@code toolAllowed}.
 */
public final class TriggersMcp {
    public static final String LIST_EVENTS = "SCALE_AI_LIST_EVENTS";
    public static final String WAIT_FOR_EVENT = "SCALE_AI_WAIT_FOR_EVENT";
    public static final String TASK_TEMPLATE = "scale://tasks/{task_id}";
    public static final String BATCH_TEMPLATE = "scale://batches/{batch_name}";
    /** Resources with subscriptions, no list-changed notifications. */
    public static final McpSchema.ServerCapabilities.ResourceCapabilities CAPABILITY_RESOURCES =
            new McpSchema.ServerCapabilities.ResourceCapabilities(true, false);

    private static final Logger LOG = LoggerFactory.getLogger(TriggersMcp.class);
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private final Events events;
    private final Connections connections;
    private final String connection;

    public TriggersMcp(Events events, Connections connections, String connection) {
        this.events = events;
        this.connections = connections;
        this.connection = connection;
    }

    /** The event tools the token may call. */
    public List<SyncToolSpecification> tools(Predicate<String> toolAllowed) {
        return List.of(listEvents(), waitForEvent()).stream()
                .filter(t -> toolAllowed.test(t.tool().name()))
                .toList();
    }

    public List<SyncResourceTemplateSpecification> resourceTemplates() {
        return List.of(
                new SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder(TASK_TEMPLATE, "scale-task")
                                .title("Scale task")
                                .description("A Scale task as JSON, read live from Scale. Subscribe to be told when"
                                        + " it completes, errors or is canceled.")
                                .mimeType("application/json")
                                .build(),
                        (exchange, request) -> read(request.uri(), "/task/", "scale://tasks/")),
                new SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder(BATCH_TEMPLATE, "scale-batch")
                                .title("Scale batch")
                                .description("A Scale batch as JSON, read live from Scale. Subscribe to be told when"
                                        + " it completes.")
                                .mimeType("application/json")
                                .build(),
                        (exchange, request) -> read(request.uri(), "/batches/", "scale://batches/")));
    }

    /**
     * Sends {@code notifications/resources/updated} to the sessions of {@code server} subscribed to a task or batch
     * when an event of this connection about it is stored. Close the result when the server closes.
     */
    public AutoCloseable publishTo(McpSyncServer server) {
        return events.subscribe(event -> {
            if (connection.equals(event.connection())) {
                try {
                    server.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(event.resourceUri()));
                } catch (RuntimeException e) {
                    LOG.debug("Resource update for {} not delivered: {}", event.resourceUri(), e.toString());
                }
            }
        });
    }

    private McpSchema.ReadResourceResult read(String uri, String apiPrefix, String uriPrefix) {
        if (!uri.startsWith(uriPrefix) || uri.length() == uriPrefix.length()) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
        String id =
                java.net.URLDecoder.decode(uri.substring(uriPrefix.length()), java.nio.charset.StandardCharsets.UTF_8);
        Connection c = connections.get(connection).orElseThrow(() -> McpError.RESOURCE_NOT_FOUND.apply(uri));
        ClientOptions options =
                ClientOptions.builder().apiKey(c.apiKey()).baseUrl(c.baseUrl()).build();
        try (ScaleClient api = ScaleClient.create(options)) {
            JsonNode doc = ScaleJson.mapper()
                    .readTree(api.call("GET", apiPrefix + ScaleClient.pathSegment(id))
                            .executeText());
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(
                    uri, "application/json", ScaleJson.mapper().writeValueAsString(doc))));
        } catch (NotFoundException e) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        } catch (ScaleException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("Scale could not be read for " + uri + ": " + e.getMessage())
                    .build();
        }
    }

    private SyncToolSpecification listEvents() {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(LIST_EVENTS)
                .title("List Scale events")
                .description("Lists events the gateway received from Scale (task.completed, task.error,"
                        + " task.canceled, batch.completed), oldest first, after since_id. Pass the last id you saw"
                        + " as since_id to read on without gaps or repeats.")
                .inputSchema(schema(false))
                .annotations(readOnly("List Scale events"))
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> {
                    EventToolArgs args = new EventToolArgs(request.arguments());
                    EventQuery query = args.query(connection, 0, 100, 500);
                    if (!args.problems.isEmpty()) {
                        return failed("invalid_arguments", String.join("; ", args.problems));
                    }
                    List<Event> found = events.list(query);
                    ObjectNode data = ScaleJson.mapper().createObjectNode();
                    found.forEach(e -> data.withArray("events").add(e.toJson()));
                    data.withArray("events");
                    data.put(
                            "last_event_id",
                            found.isEmpty()
                                    ? query.afterId()
                                    : found.get(found.size() - 1).id());
                    return succeeded(data);
                })
                .build();
    }

    private SyncToolSpecification waitForEvent() {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(WAIT_FOR_EVENT)
                .title("Wait for a Scale event")
                .description("Waits until an event matching the filters arrives (after since_id, or from now when"
                        + " since_id is left out) or timeout_seconds pass, reporting progress while it waits. Use it"
                        + " to continue when a task or batch is done instead of polling.")
                .inputSchema(schema(true))
                .annotations(readOnly("Wait for a Scale event"))
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler(this::waitFor)
                .build();
    }

    private McpSchema.CallToolResult waitFor(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        EventToolArgs args = new EventToolArgs(request.arguments());
        EventQuery query = args.query(connection, events.lastId(), 1, 1);
        long timeout = args.integer("timeout_seconds", 60, 1, MAX_WAIT.toSeconds());
        if (!args.problems.isEmpty()) {
            return failed("invalid_arguments", String.join("; ", args.problems));
        }
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        Instant start = Instant.now();
        Instant deadline = start.plusSeconds(timeout);
        Optional<Event> found;
        try {
            found = events.awaitFirst(query, deadline, () -> {
                if (token != null && exchange != null) {
                    double waited = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                    try {
                        exchange.progressNotification(new McpSchema.ProgressNotification(
                                token, waited, (double) timeout, "waiting for a matching event"));
                    } catch (RuntimeException e) {
                        LOG.debug("Progress not delivered: {}", e.toString());
                    }
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted", "the wait was interrupted (the server is stopping)");
        }
        ObjectNode data = ScaleJson.mapper().createObjectNode();
        data.put("timed_out", found.isEmpty());
        if (found.isPresent()) {
            data.set("event", found.get().toJson());
            data.put("last_event_id", found.get().id());
        } else {
            data.putNull("event");
            data.put("last_event_id", query.afterId());
        }
        return succeeded(data);
    }

    private static McpSchema.ToolAnnotations readOnly(String title) {
        return McpSchema.ToolAnnotations.builder()
                .title(title)
                .readOnlyHint(true)
                .destructiveHint(false)
                .idempotentHint(true)
                .openWorldHint(false)
                .build();
    }

    private static Map<String, Object> schema(boolean waiting) {
        ObjectNode s = ScaleJson.mapper().createObjectNode();
        s.put("type", "object");
        s.put("additionalProperties", false);
        ObjectNode p = s.putObject("properties");
        p.putObject("since_id")
                .put("type", "integer")
                .put("minimum", 0)
                .put(
                        "description",
                        waiting
                                ? "Only events after this id; left out, only events that arrive from now on."
                                : "Only events after this id (default 0: from the oldest kept).");
        ObjectNode types = p.putObject("types");
        types.put("type", "array").put("description", "Only these event types; all when left out.");
        ObjectNode items = types.putObject("items");
        items.put("type", "string");
        items.putArray("enum")
                .add("task.completed")
                .add("task.error")
                .add("task.canceled")
                .add("batch.completed");
        p.putObject("project").put("type", "string").put("description", "Only events of this project.");
        p.putObject("batch").put("type", "string").put("description", "Only events of this batch.");
        p.putObject("task_id").put("type", "string").put("description", "Only events of this task.");
        if (waiting) {
            p.putObject("timeout_seconds")
                    .put("type", "integer")
                    .put("minimum", 1)
                    .put("maximum", MAX_WAIT.toSeconds())
                    .put("description", "How long to wait at most (default 60).");
        } else {
            p.putObject("limit")
                    .put("type", "integer")
                    .put("minimum", 1)
                    .put("maximum", 500)
                    .put("description", "At most this many events (default 100).");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = ScaleJson.mapper().convertValue(s, Map.class);
        return map;
    }

    private static McpSchema.CallToolResult succeeded(ObjectNode data) {
        ObjectNode envelope = ScaleJson.mapper().createObjectNode();
        envelope.put("successful", true);
        envelope.set("data", data);
        envelope.putNull("error");
        return result(envelope, false);
    }

    private static McpSchema.CallToolResult failed(String code, String message) {
        ObjectNode envelope = ScaleJson.mapper().createObjectNode();
        envelope.put("successful", false);
        envelope.putObject("data");
        ObjectNode error = envelope.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.put("retryable", false);
        return result(envelope, true);
    }

    @SuppressWarnings("unchecked")
    private static McpSchema.CallToolResult result(ObjectNode envelope, boolean isError) {
        return McpSchema.CallToolResult.builder()
                .structuredContent(ScaleJson.mapper().convertValue(envelope, Map.class))
                .addTextContent(ScaleJson.mapper().writeValueAsString(envelope))
                .isError(isError)
                .build();
    }
}
