package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.scaletoolkit.client.batch.BatchCreateParams;
import dev.scaletoolkit.client.error.ConflictException;
import dev.scaletoolkit.client.error.NotFoundException;
import dev.scaletoolkit.client.error.ServerException;
import dev.scaletoolkit.client.http.RetryPolicy;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.model.batch.Batch;
import dev.scaletoolkit.model.task.Task;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The retry table (429 and a 503 refused before processing are retried for every method, a bare 5xx on a create
 * without unique_id is not), and what a user sees: logs, raw responses, the async client, the 409's task id.
 */
class RetryTableAndVisibilityTest {
    private static final String KEY = "live_topsecret_key_987";
    private static final String TASK =
            "{\"task_id\":\"65a0000000000000000000aa\",\"status\":\"pending\",\"unique_id\":\"u-1\"}";
    private static final String BATCH = "{\"name\":\"b1\",\"project\":\"kittens\",\"status\":\"in_progress\"}";
    private static final String RATE_LIMITED = "{\"status_code\":429,\"error\":\"Too Many Requests\"}";

    private ScriptedServer server;
    private TestClock clock;
    private ScaleClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        clock = new TestClock();
        client = ScaleClient.create(ClientOptions.builder()
                .apiKey(KEY)
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.builder().random(() -> 0.0).build())
                .clock(clock)
                .sleeper(clock)
                .build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ImageAnnotationParams createWithoutUniqueId() {
        return ImageAnnotationParams.builder()
                .project("kittens")
                .attachment("https://example.com/k.png")
                .geometries(Geometries.boxes("kitten"))
                .build();
    }

    @Test
    void a429OnACreateWithoutUniqueIdIsRetriedHonouringRetryAfter() {
        server.then(429, Map.of("Retry-After", "3"), RATE_LIMITED).then(200, TASK);
        Task task = client.tasks().create(createWithoutUniqueId());
        assertThat(task.taskId()).isEqualTo("65a0000000000000000000aa");
        assertThat(server.received).hasSize(2);
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void a429OnABatchCreateIsRetried() {
        server.then(429, RATE_LIMITED).then(200, BATCH);
        Batch batch = client.batches()
                .create(BatchCreateParams.builder()
                        .project("kittens")
                        .name("b1")
                        .build());
        assertThat(batch.name()).isEqualTo("b1");
        assertThat(server.received).hasSize(2);
    }

    @Test
    void a503RefusedBeforeProcessingIsRetriedEvenForACreateWithoutUniqueId() {
        server.then(503, Map.of("Retry-After", "1"), "{\"status_code\":503,\"error\":\"queue full\"}")
                .then(200, TASK);
        client.tasks().create(createWithoutUniqueId());
        assertThat(server.received).hasSize(2);
    }

    @Test
    void aBare503OnACreateWithoutUniqueIdIsNotRetriedBecauseTheTaskMayExist() {
        server.then(503, "{\"status_code\":503,\"error\":\"gateway timeout\"}").then(200, TASK);
        assertThatThrownBy(() -> client.tasks().create(createWithoutUniqueId())).isInstanceOf(ServerException.class);
        assertThat(server.received).hasSize(1);
    }

    @Test
    void aConflictNamesTheTaskThatHoldsTheUniqueId() {
        server.then(
                409,
                "{\"status_code\":409,\"error\":\"The unique_id (\\\"u-1\\\") is already used for a different task"
                        + " (602c399c6d092c00115aa3c9).\"}");
        assertThatThrownBy(() -> client.tasks().create(createWithoutUniqueId()))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.existingTaskId()).contains("602c399c6d092c00115aa3c9"));
    }

    @Test
    void aRawResponseCarriesStatusHeadersAndRequestId() {
        server.then(200, Map.of("X-Request-Id", "req-42"), TASK);
        RawResponse<Task> raw =
                client.tasks().withRawResponse().call(tasks -> tasks.retrieve("65a0000000000000000000aa"));
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.requestId()).contains("req-42");
        assertThat(raw.header("Content-Type")).contains("application/json");
        assertThat(raw.value().taskId()).isEqualTo("65a0000000000000000000aa");
    }

    @Test
    void theAsyncClientSendsWithoutBlockingAndRetries() throws Exception {
        server.then(429, Map.of("Retry-After", "0"), RATE_LIMITED).then(200, TASK);
        Task task = client.async().tasks().retrieve("65a0000000000000000000aa").get(10, TimeUnit.SECONDS);
        assertThat(task.taskId()).isEqualTo("65a0000000000000000000aa");
        assertThat(server.received).hasSize(2);

        server.then(404, "{\"status_code\":404,\"error\":\"no such task\"}");
        assertThatThrownBy(() -> client.async()
                        .tasks()
                        .retrieve("65a0000000000000000000bb")
                        .join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void theAsyncClientCompletesOnTheCallersExecutorRetriesIncluded() throws Exception {
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "caller-pool");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Executor counting = command -> {
            ran.incrementAndGet();
            pool.execute(command);
        };
        try (ScaleClient own = ScaleClient.create(ClientOptions.builder()
                .apiKey(KEY)
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.builder().random(() -> 0.0).build())
                .executor(counting)
                .build())) {
            server.then(429, Map.of("Retry-After", "0"), RATE_LIMITED).then(200, TASK);
            String thread = own.async()
                    .tasks()
                    .retrieve("65a0000000000000000000aa")
                    .thenApply(t -> t.taskId() + "@" + Thread.currentThread().getName())
                    .get(10, TimeUnit.SECONDS);
            assertThat(thread).isEqualTo("65a0000000000000000000aa@caller-pool");
            assertThat(server.received).hasSize(2);
            assertThat(ran.get()).as("tasks handed to the caller's executor").isGreaterThanOrEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestsAreLoggedAtDebugAndRetriesAtInfoWithoutTheKey() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.scaletoolkit.client");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            server.then(503, Map.of("X-Request-Id", "req-1"), "{\"status_code\":503,\"error\":\"busy\"}")
                    .then(200, Map.of("X-Request-Id", "req-2"), TASK);
            client.tasks().retrieve("65a0000000000000000000aa");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.DEBUG)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m)
                        .contains("GET /task/65a0000000000000000000aa -> HTTP 200")
                        .contains("attempt 2")
                        .contains("request-id=req-2"));
        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("retrying GET").contains("HTTP 503"));
        String basic = Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneSatisfy(m -> assertThat(m).containsAnyOf(KEY, basic));
    }

    @Test
    void aMissingKeyNamesTheVariableToSet() {
        assertThatThrownBy(() -> ClientOptions.fromEnv().apiKey(null).build())
                .hasMessageContaining("ScaleClient.fromEnv()")
                .hasMessageContaining("SCALE_API_KEY");
        assertThatThrownBy(() -> ClientOptions.builder().build()).hasMessageContaining("SCALE_API_KEY");
    }
}
