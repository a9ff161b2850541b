package dev.scaletoolkit.client.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.batch.BatchCreateParams;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Task and batch callbacks reach the handler once each; bad auth and foreign bodies are turned away. */
class CallbackReceiverTest {

    @Test
    void taskAndBatchCallbacksFromTheEmulatorReachTheHandlerOnceEach() throws Exception {
        try (TestEmulator emulator = TestEmulator.start(b -> b.workforceEnabled(false));
                ScaleClient scale = ScaleClient.create(ClientOptions.builder()
                        .apiKey(emulator.account().testKey())
                        .baseUrl(emulator.baseUrl() + "/v1")
                        .build())) {
            String authKey = emulator.emulator()
                    .accounts()
                    .callbackAuthKey(emulator.account().accountId());
            List<CallbackEvent> handled = new CopyOnWriteArrayList<>();
            try (CallbackReceiver receiver = CallbackReceiver.start(
                    0, "/scale", CallbackVerifier.of("an-old-rotated-key", authKey), handled::add)) {
                scale.projects()
                        .create(ProjectCreateParams.builder()
                                .type(TaskType.IMAGEANNOTATION)
                                .name("cb")
                                .build());
                scale.batches()
                        .create(BatchCreateParams.builder()
                                .project("cb")
                                .name("cb-batch")
                                .callback(receiver.url("/scale"))
                                .build());
                Task task = scale.tasks()
                        .create(ImageAnnotationParams.builder()
                                .project("cb")
                                .batch("cb-batch")
                                .attachment("https://example.com/cb.png")
                                .geometries(Geometries.boxes("kitten"))
                                .callbackUrl(receiver.url("/scale"))
                                .build());

                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
                assertThat(handled)
                        .filteredOn(e -> e instanceof CallbackEvent.TaskEvent)
                        .singleElement()
                        .satisfies(e -> assertThat(e.subject()).isEqualTo(task.taskId()));
                assertThat(handled)
                        .filteredOn(e -> e instanceof CallbackEvent.BatchEvent)
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.subject()).isEqualTo("cb-batch");
                            assertThat(e.status()).isEqualTo("completed");
                        });

                // a redelivery is acknowledged but not handed on again
                scale.tasks().resendCallback(task.taskId());
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveries() >= 3);
                assertThat(handled).hasSize(2);
                assertThat(receiver.received()).hasSize(2);
            }
        }
    }

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private volatile Instant now = Instant.parse("2024-05-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static int post(CallbackReceiver receiver, String auth, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.url("/scale")))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header(CallbackVerifier.HEADER, auth);
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void duplicatesWithinTheWindowAreDroppedAndBadRequestsRefused() throws Exception {
        HandClock clock = new HandClock();
        List<CallbackEvent> handled = new CopyOnWriteArrayList<>();
        String batchBody =
                "{\"batch_name\":\"b1\",\"status\":\"completed\",\"batch\":{\"name\":\"b1\",\"project\":\"p\","
                        + "\"status\":\"completed\",\"completed_at\":\"2024-05-01T11:00:00.000Z\"}}";
        try (CallbackReceiver receiver = CallbackReceiver.start(
                new InetSocketAddress("127.0.0.1", 0),
                "/scale",
                CallbackVerifier.of("key-1"),
                handled::add,
                Duration.ofHours(1),
                clock)) {
            assertThat(post(receiver, "key-1", batchBody)).isEqualTo(200);
            assertThat(post(receiver, "key-1", batchBody)).isEqualTo(200);
            assertThat(post(receiver, "wrong", batchBody)).isEqualTo(401);
            assertThat(post(receiver, null, batchBody)).isEqualTo(401);
            assertThat(post(receiver, "key-1", "{\"hello\":1}")).isEqualTo(400);
            assertThat(post(receiver, "key-1", "not json")).isEqualTo(400);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries() == 2);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);

            clock.now = clock.now.plus(Duration.ofHours(2)); // past the window: Scale's redelivery is new again
            assertThat(post(receiver, "key-1", batchBody)).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2);
        }
        assertThat(handled).allSatisfy(e -> assertThat(e).isInstanceOf(CallbackEvent.BatchEvent.class));
    }
}
