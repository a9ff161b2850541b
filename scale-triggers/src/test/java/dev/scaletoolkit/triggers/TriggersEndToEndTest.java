package dev.scaletoolkit.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.batch.BatchCreateParams;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.TaskListParams;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskStatus;
import dev.scaletoolkit.model.task.TaskType;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.triggers.event.Event;
import dev.scaletoolkit.triggers.event.EventQuery;
import dev.scaletoolkit.triggers.event.EventType;
import dev.scaletoolkit.triggers.webhook.Webhooks;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run against the emulator over real HTTP: 200 tasks whose callbacks go to the gateway
 * and 50 without, the receiver down for a while and the gateway restarted twice; every completion becomes exactly
 * one event, a subscribed MCP client hears its task, a webhook subscriber that was down gets every event in
 * order with valid signatures, and a callback without the right header is refused and stores nothing.
 */
@ScaleEmulatorTest
class TriggersEndToEndTest {
    static final int WITH_CALLBACK = 200;
    static final int WITHOUT_CALLBACK = 50;

    @TempDir
    Path dir;

    @Test
    void everyCompletionIsOneEventThroughOutagesAndRestarts(RunningEmulator scale) throws Exception {
        try (WebhookReceiver subscriber = new WebhookReceiver();
                ScaleClient client = ScaleClient.create(ClientOptions.builder()
                        .apiKey(scale.liveKey())
                        .baseUrl(scale.baseUrl() + "/v1")
                        .build())) {
            TriggerSettings settings = TriggerSettings.defaults()
                    .withPollInterval(Duration.ofMillis(300))
                    .withPollOverlap(Duration.ofSeconds(5))
                    .withWebhookRetries(Duration.ofMillis(50), Duration.ofHours(24));
            TestGateway gateway = new TestGateway(dir, settings);
            try {
                gateway.connect("emu", scale);
                Webhooks.Created hook =
                        gateway.triggers().webhooks().add(subscriber.url(), EnumSet.allOf(EventType.class), null, null);
                subscriber.secret(hook.secret());
                subscriber.up(false);

                // Everything is created before anything completes.
                EmulatorControl.workforce(scale, false);
                client.projects()
                        .create(ProjectCreateParams.builder()
                                .type(TaskType.CATEGORIZATION)
                                .name("pets")
                                .build());
                client.batches()
                        .create(BatchCreateParams.builder()
                                .project("pets")
                                .name("called-back")
                                .callback(gateway.callbackUrl("emu"))
                                .build());
                client.batches()
                        .create(BatchCreateParams.builder()
                                .project("pets")
                                .name("quiet")
                                .build());
                Set<String> created = ConcurrentHashMap.newKeySet();
                String callbackUrl = gateway.callbackUrl("emu");
                ExecutorService creators = Executors.newFixedThreadPool(8);
                try {
                    List<Future<?>> creates = new ArrayList<>();
                    for (int i = 0; i < WITH_CALLBACK + WITHOUT_CALLBACK; i++) {
                        boolean calledBack = i < WITH_CALLBACK;
                        creates.add(creators.submit(() -> created.add(client.tasks()
                                .create(
                                        calledBack
                                                ? EmulatorControl.task("called-back")
                                                        .callbackUrl(callbackUrl)
                                                        .build()
                                                : EmulatorControl.task("quiet").build())
                                .taskId())));
                    }
                    for (Future<?> f : creates) {
                        f.get();
                    }
                } finally {
                    creators.shutdown();
                }
                assertThat(created).hasSize(WITH_CALLBACK + WITHOUT_CALLBACK);

                mark("created");
                // The receiver is down while the first completions are called back (the emulator gives up on them).
                // Tasks are completed one by one through the control plane, not by the workforce: it finishes a
                // hundred per transaction, so it would race through every task before the receiver came back, and
                // a task must stay pending for the subscription below.
                gateway.stopHttp();
                List<String> ids = new ArrayList<>(created);
                ids.subList(0, 60).forEach(id -> EmulatorControl.complete(scale, id));
                assertThat(completed(client)).isGreaterThanOrEqualTo(60);
                gateway.restart();
                // With the receiver up, each completion is called back at once, ahead of the next poll.
                ids.subList(60, 150).forEach(id -> EmulatorControl.complete(scale, id));
                assertThat(completed(client)).isGreaterThanOrEqualTo(150);
                gateway.restart();

                mark("restarted twice");
                // A client subscribed to a task still pending hears it complete.
                List<McpSchema.ResourceContents> updates = new CopyOnWriteArrayList<>();
                McpSyncClient mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder(gateway.baseUrl())
                                .endpoint("/mcp")
                                .httpRequestCustomizer(
                                        McpAuth.bearer(gateway.token("agent", Profile.READONLY, null, true)))
                                .build())
                        .requestTimeout(Duration.ofSeconds(60))
                        .resourcesUpdateConsumer(updates::addAll)
                        .build();
                try {
                    mcp.initialize();
                    String uri = subscribeToAPendingTask(client, mcp);
                    EmulatorControl.workforce(scale, true);
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> updates.stream().anyMatch(c -> c.uri().equals(uri)));
                    assertThat(updates.stream()
                                    .filter(c -> c.uri().equals(uri))
                                    .map(c -> ((McpSchema.TextResourceContents) c).text())
                                    .map(t -> ScaleJson.mapper()
                                            .readTree(t)
                                            .path("status")
                                            .asString()))
                            .contains("completed");
                } finally {
                    mcp.closeGracefully();
                }

                mark("mcp heard");
                // Every completion is one event, whether its callback arrived or the poller found it.
                await().atMost(Duration.ofSeconds(40))
                        .untilAsserted(() -> assertThat(taskEvents(gateway)).hasSize(WITH_CALLBACK + WITHOUT_CALLBACK));
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() ->
                                assertThat(batchEvents(gateway)).containsExactlyInAnyOrder("called-back", "quiet"));
                List<Event> tasks = taskEvents(gateway);
                assertThat(tasks.stream().map(Event::taskId).collect(Collectors.toSet()))
                        .isEqualTo(created);
                assertThat(tasks).extracting(Event::type).containsOnly(EventType.TASK_COMPLETED);
                assertThat(tasks.stream().map(Event::source).distinct()).contains("callback", "poll");
                List<Event> all = all(gateway);
                assertThat(all).extracting(Event::id).isSorted().doesNotHaveDuplicates();

                mark("all events");
                // A forged callback is refused and stores nothing.
                long before = gateway.triggers().events().lastId();
                String forged = "{\"task_id\":\"forged\",\"status\":\"completed\",\"task\":{\"task_id\":\"forged\","
                        + "\"status\":\"completed\"}}";
                assertThat(post(gateway.callbackUrl("emu"), forged, "cbk_wrong"))
                        .isEqualTo(401);
                assertThat(post(gateway.callbackUrl("emu"), forged, null)).isEqualTo(401);
                assertThat(gateway.triggers().events().lastId()).isEqualTo(before);

                mark("forged refused");
                // The subscriber comes back and receives every event, in order, each signature valid.
                subscriber.up(true);
                List<Long> expected = all.stream().map(Event::id).toList();
                await().atMost(Duration.ofSeconds(40))
                        .untilAsserted(() -> assertThat(subscriber.ids()).containsExactlyElementsOf(expected));
                assertThat(subscriber.badSignatures.get()).isZero();
                assertThat(subscriber.refused.get()).isPositive();
            } finally {
                gateway.close();
            }
        }
    }

    private static void mark(String phase) {
        System.out.println(java.time.Instant.now() + " phase done: " + phase);
    }

    private static String subscribeToAPendingTask(ScaleClient client, McpSyncClient mcp) {
        List<Task> pending = new ArrayList<>();
        client.tasks()
                .listAutoPaging(TaskListParams.builder()
                        .status(TaskStatus.PENDING)
                        .limit(100)
                        .build())
                .forEach(pending::add);
        // oldest first: the workforce takes the longest-waiting tasks first, so the update comes soon
        java.util.Collections.reverse(pending);
        for (Task task : pending) {
            String uri = "scale://tasks/" + task.taskId();
            mcp.subscribeResource(new McpSchema.SubscribeRequest(uri));
            // Read after subscribing: if it is still pending now, its completion comes after the subscription.
            String text = ((McpSchema.TextResourceContents) mcp.readResource(new McpSchema.ReadResourceRequest(uri))
                            .contents()
                            .get(0))
                    .text();
            if (ScaleJson.mapper().readTree(text).path("status").asString().equals("pending")) {
                return uri;
            }
            mcp.unsubscribeResource(new McpSchema.UnsubscribeRequest(uri));
        }
        throw new AssertionError("no task was left pending to subscribe to");
    }

    private static long completed(ScaleClient client) {
        return client.tasks()
                .count(TaskListParams.builder().status(TaskStatus.COMPLETED).build());
    }

    private static List<Event> all(TestGateway gateway) {
        List<Event> out = new ArrayList<>();
        EventQuery q = EventQuery.after(0).withLimit(EventQuery.MAX_LIMIT);
        List<Event> page;
        while (!(page = gateway.triggers().events().list(q)).isEmpty()) {
            out.addAll(page);
            q = q.withAfter(page.get(page.size() - 1).id());
        }
        return out;
    }

    private static List<Event> taskEvents(TestGateway gateway) {
        return all(gateway).stream().filter(e -> e.taskId() != null).toList();
    }

    private static List<String> batchEvents(TestGateway gateway) {
        return all(gateway).stream()
                .filter(e -> e.type() == EventType.BATCH_COMPLETED)
                .map(Event::batch)
                .toList();
    }

    private static int post(String url, String body, String auth) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            req.header("scale-callback-auth", auth);
        }
        return HttpClient.newHttpClient()
                .send(req.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
