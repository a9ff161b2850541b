package dev.scaletoolkit.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.event.Event;
import dev.scaletoolkit.triggers.event.EventParser;
import dev.scaletoolkit.triggers.event.EventQuery;
import dev.scaletoolkit.triggers.event.EventType;
import dev.scaletoolkit.triggers.webhook.Webhook;
import dev.scaletoolkit.triggers.webhook.Webhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class WebhookDeliveryTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    WebhookReceiver receiver;

    @BeforeEach
    void start() {
        TriggerSettings settings = TriggerSettings.defaults()
                .withPollInterval(Duration.ZERO)
                .withWebhookRetries(Duration.ofMillis(50), Duration.ofHours(24));
        gateway = new TestGateway(dir, settings);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        gateway.close();
    }

    @Test
    void aSubscriberThatWasDownGetsEveryEventInOrderSignedAcrossARestart() {
        Webhooks.Created hook =
                gateway.triggers().webhooks().add(receiver.url(), Set.of(EventType.TASK_COMPLETED), "kittens", null);
        receiver.secret(hook.secret());
        receiver.up(false);

        for (int i = 0; i < 10; i++) {
            record("task_" + i, "completed", i % 2 == 0 ? "kittens" : "puppies");
        }
        record("task_err", "error", "kittens");
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.refused.get() >= 2);
        gateway.restart();
        for (int i = 10; i < 14; i++) {
            record("task_" + i, "completed", "kittens");
        }
        receiver.up(true);

        List<Long> expected = gateway.triggers().events().list(EventQuery.after(0)).stream()
                .filter(e -> e.type() == EventType.TASK_COMPLETED && "kittens".equals(e.project()))
                .map(Event::id)
                .toList();
        assertThat(expected).hasSize(9);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(receiver.ids()).containsExactlyElementsOf(expected));
        assertThat(receiver.badSignatures.get()).isZero();
        assertThat(receiver.accepted
                        .get(0)
                        .path("data")
                        .path("task")
                        .path("task_id")
                        .asString())
                .isEqualTo("task_0");
        Webhook state = gateway.triggers().webhooks().get(hook.webhook().id()).orElseThrow();
        assertThat(state.attempts()).isZero();
        assertThat(state.lastEventId()).isEqualTo(expected.get(expected.size() - 1));
    }

    @Test
    void aDeliveryThatNeverSucceedsIsGivenUpAfterTheWindowAndTheNextFollows() {
        gateway.close();
        gateway = new TestGateway(
                dir,
                TriggerSettings.defaults()
                        .withPollInterval(Duration.ZERO)
                        .withWebhookRetries(Duration.ofMillis(20), Duration.ofMillis(300)));
        Webhooks.Created hook =
                gateway.triggers().webhooks().add(receiver.url(), Set.of(EventType.TASK_COMPLETED), null, null);
        receiver.secret(hook.secret());
        receiver.up(false);
        long first = record("task_a", "completed", "kittens").id();

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        gateway.triggers().webhooks().failures(hook.webhook().id()) == 1);
        receiver.up(true);
        long second = record("task_b", "completed", "kittens").id();

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.ids().equals(List.of(second)));
        assertThat(receiver.refused.get()).isGreaterThan(1);
        assertThat(first).isLessThan(second);
    }

    @Test
    void refusesAddressesThePolicyRefusesAndNeverShowsTheSecretAgain() throws Exception {
        Webhooks webhooks = gateway.triggers().webhooks();

        assertThatThrownBy(() ->
                        webhooks.add("http://169.254.169.254/latest", Set.of(EventType.TASK_COMPLETED), null, null))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> webhooks.add("file:///etc/passwd", Set.of(EventType.TASK_COMPLETED), null, null))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("http");
        assertThatThrownBy(() -> webhooks.add(receiver.url(), Set.of(), null, null))
                .hasMessageContaining("task.completed");

        Webhooks.Created created = webhooks.add(receiver.url(), Set.of(EventType.BATCH_COMPLETED), null, null);
        assertThat(created.secret()).startsWith("whsec_");
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(webhooks.list()).singleElement().asString().doesNotContain(created.secret());
        byte[] db = Files.readAllBytes(dir.resolve("gateway.db"));
        assertThat(new String(db, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(created.secret());
    }

    private Event record(String taskId, String status, String project) {
        ObjectNode task = ScaleJson.mapper().createObjectNode();
        task.put("task_id", taskId);
        task.put("status", status);
        task.put("project", project);
        task.put("completed_at", "2026-11-29T10:00:00.000Z");
        return gateway.triggers()
                .events()
                .record(EventParser.fromTask("emu", task, "callback").orElseThrow())
                .orElseThrow();
    }
}
