package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.client.error.BadRequestException;
import dev.scaletoolkit.client.error.ConflictException;
import dev.scaletoolkit.client.error.NotFoundException;
import dev.scaletoolkit.client.error.PaymentRequiredException;
import dev.scaletoolkit.client.error.RateLimitException;
import dev.scaletoolkit.client.error.ScaleApiException;
import dev.scaletoolkit.client.error.ScaleIoException;
import dev.scaletoolkit.client.error.ServerException;
import dev.scaletoolkit.client.error.UnauthorizedException;
import dev.scaletoolkit.client.http.RetryPolicy;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.model.task.Task;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted HTTP sequences against the real JDK transport: retries, recovery, deadlines and the error table. */
class RetryAndErrorTest {
    private static final String KEY = "live_supersecret_key_123";
    private static final String TASK =
            "{\"task_id\":\"65a0000000000000000000aa\",\"status\":\"pending\",\"unique_id\":\"u-1\"}";

    private ScriptedServer server;
    private TestClock clock;
    private ScaleClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        clock = new TestClock();
        client = client(RetryPolicy.builder().random(() -> 0.0).build());
    }

    private ScaleClient client(RetryPolicy policy) {
        return ScaleClient.create(ClientOptions.builder()
                .apiKey(KEY)
                .baseUrl(server.baseUrl())
                .retryPolicy(policy)
                .clock(clock)
                .sleeper(clock)
                .build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ImageAnnotationParams create(String uniqueId) {
        ImageAnnotationParams.Builder b = ImageAnnotationParams.builder()
                .project("kittens")
                .attachment("https://example.com/k.png")
                .geometries(Geometries.boxes("kitten"));
        if (uniqueId != null) {
            b.uniqueId(uniqueId);
        }
        return b.build();
    }

    @Test
    void retries503ThenReturnsTheAnswer() {
        server.then(503, "{\"status_code\":503,\"error\":\"busy\"}").then(200, TASK);
        Task task = client.tasks().retrieve("65a0000000000000000000aa");
        assertThat(task.taskId()).isEqualTo("65a0000000000000000000aa");
        assertThat(server.received).hasSize(2);
        assertThat(clock.sleeps).hasSize(1);
    }

    @Test
    void retriesOn429HonouringRetryAfter() {
        server.then(429, Map.of("Retry-After", "7"), "{\"status_code\":429,\"error\":\"Too Many Requests\"}")
                .then(200, TASK);
        client.tasks().retrieve("65a0000000000000000000aa");
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void createThatGot500Then409IsRecoveredByUniqueId() {
        server.then(500, "{\"status_code\":500,\"error\":\"gateway timeout\"}")
                .then(409, "{\"status_code\":409,\"error\":\"The unique_id (\\\"u-1\\\") is already used\"}")
                .then(200, "{\"docs\":[" + TASK + "],\"total\":1,\"limit\":100,\"offset\":0,\"has_more\":false}");
        Task task = client.tasks().create(create("u-1"));
        assertThat(task.taskId()).isEqualTo("65a0000000000000000000aa");
        assertThat(server.received).extracting(ScriptedServer.Received::method).containsExactly("POST", "POST", "GET");
        assertThat(server.received.get(2).path()).isEqualTo("/v1/tasks");
        assertThat(server.received.get(2).query()).isEqualTo("unique_id=u-1");
    }

    @Test
    void a409WithoutAnEarlierFailureIsAConflict() {
        server.then(409, "{\"status_code\":409,\"error\":\"The unique_id is already used for task 65a\"}");
        assertThatThrownBy(() -> client.tasks().create(create("u-1")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already used");
        assertThat(server.received).hasSize(1);
    }

    @Test
    void createWithoutUniqueIdIsNeverRetried() {
        server.then(500, "{\"status_code\":500,\"error\":\"gateway timeout\"}").then(200, TASK);
        assertThatThrownBy(() -> client.tasks().create(create(null))).isInstanceOf(ServerException.class);
        assertThat(server.received).hasSize(1);
    }

    @Test
    void givesUpWhenTheNextBackoffWouldPassTheDeadline() {
        client = client(RetryPolicy.builder()
                .maxRetries(10)
                .initialDelay(Duration.ofSeconds(2))
                .random(() -> 1.0)
                .build());
        for (int i = 0; i < 10; i++) {
            server.then(503, "{\"status_code\":503,\"error\":\"busy\"}");
        }
        ScaleClient bounded = client.withOptions(
                RequestOptions.builder().timeout(Duration.ofSeconds(5)).build());
        assertThatThrownBy(() -> bounded.tasks().retrieve("65a0000000000000000000aa"))
                .isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(((ScaleApiException) e).status()).isEqualTo(503));
        // waits of 2 s then 4 s: the second would end past the 5 s deadline, so only one wait happens
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(server.received).hasSize(2);
    }

    @Test
    void ioErrorsAreRetriedThenReported() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ScaleClient offline = ScaleClient.create(ClientOptions.builder()
                .apiKey(KEY)
                .baseUrl("http://127.0.0.1:" + closedPort + "/v1")
                .retryPolicy(RetryPolicy.builder().random(() -> 0.0).build())
                .clock(clock)
                .sleeper(clock)
                .build());
        assertThatThrownBy(() -> offline.tasks().retrieve("65a0000000000000000000aa"))
                .isInstanceOf(ScaleIoException.class)
                .satisfies(e -> assertThat(((ScaleIoException) e).isRetryable()).isTrue());
        assertThat(clock.sleeps).hasSize(3);
    }

    @Test
    void statusesMapToTheErrorTable() {
        Map<Integer, Class<?>> table = Map.of(
                400, BadRequestException.class,
                401, UnauthorizedException.class,
                402, PaymentRequiredException.class,
                404, NotFoundException.class,
                409, ConflictException.class,
                418, ScaleApiException.class);
        ScaleClient noRetry = client(RetryPolicy.none());
        table.forEach((status, type) -> {
            server.then(status, "{\"status_code\":" + status + ",\"error\":\"Task with that ID not found.\"}");
            assertThatThrownBy(() -> noRetry.tasks().retrieve("65a0000000000000000000aa"))
                    .isExactlyInstanceOf(type)
                    .hasMessage("Scale API error " + status + ": Task with that ID not found.");
        });
        server.then(429, Map.of("Retry-After", "3"), "{\"status_code\":429,\"error\":\"slow down\"}");
        assertThatThrownBy(() -> noRetry.tasks().retrieve("x")).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.headers()).containsKey("retry-after");
        });
        server.then(502, "<html>Bad gateway</html>");
        assertThatThrownBy(() -> noRetry.tasks().retrieve("x")).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.errorMessage()).isEqualTo("<html>Bad gateway</html>");
            assertThat(e.body()).isEqualTo("<html>Bad gateway</html>");
        });
    }

    @Test
    void sendsBasicAuthUserAgentAndNeverLeaksTheKey() {
        server.then(401, "{\"status_code\":401,\"error\":\"bad key " + KEY + "\"}");
        ScaleClient noRetry = client(RetryPolicy.none());
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> noRetry.tasks().retrieve("abc"));
        ScriptedServer.Received sent = server.received.get(0);
        String expectedAuth = "Basic " + java.util.Base64.getEncoder().encodeToString((KEY + ":").getBytes());
        assertThat(sent.header("Authorization")).isEqualTo(expectedAuth);
        assertThat(sent.header("User-Agent")).matches("scale-toolkit-java/\\S+ Java/\\S+");
        assertThat(thrown.getMessage()).doesNotContain(KEY).contains("[REDACTED]");
        assertThat(((ScaleApiException) thrown).body()).doesNotContain(KEY);
        assertThat(noRetry.toString()).doesNotContain(KEY);
        assertThat(noRetry.options().toString()).doesNotContain(KEY);
        assertThat(RequestOptions.builder().apiKey(KEY).build().toString()).doesNotContain(KEY);
        assertThatThrownBy(() -> ClientOptions.builder()
                        .apiKey(KEY)
                        .readTimeout(Duration.ZERO)
                        .build())
                .hasMessageContaining("readTimeout")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void badParamsFailBeforeAnyRequestNamingTheField() {
        assertThatThrownBy(() -> ImageAnnotationParams.builder()
                        .attachment("https://x/y.png")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'geometries'");
        assertThatThrownBy(() -> dev.scaletoolkit.client.task.TextCollectionParams.builder()
                        .build())
                .hasMessageContaining("'fields'");
        assertThatThrownBy(() -> dev.scaletoolkit.client.task.CategorizationParams.builder()
                        .instruction("Red or blue?")
                        .attachment("tomato")
                        .attachmentType("text")
                        .build())
                .hasMessageContaining("'categories'");
        assertThat(server.received).isEmpty();
    }
}
