package dev.scaletoolkit.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.ApiServlet;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.emulator.workforce.SimTasks;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults set through {@code /_emulator/faults} hit real API calls: 429s, false 500s after a commit, latency. */
class FaultInjectionTest {
    static TestEmulator scale;
    static Http admin;
    static Http api;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        admin = new Http(scale.baseUrl(), null);
        api = new Http(scale.baseUrl(), scale.account().liveKey());
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @BeforeEach
    void clear() {
        admin.delete("/_emulator/faults", null);
    }

    @Test
    void rateLimitFaultAnswers429WithRetryAfterThenStops() {
        Http.Resp added = admin.post(
                "/_emulator/faults",
                "{\"method\": \"GET\", \"path_prefix\": \"/v1/projects\", \"status\": 429,"
                        + " \"retry_after_seconds\": 2, \"times\": 1}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("faults").get(0).get("path_prefix").asString())
                .isEqualTo("/projects");

        Http.Resp limited = api.get("/v1/projects");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.raw().headers().firstValue("Retry-After")).contains("2");
        assertThat(limited.json().get("status_code").asInt()).isEqualTo(429);
        assertThat(limited.error()).isNotBlank();

        assertThat(api.get("/v1/projects").status()).isNotEqualTo(429);
        assertThat(admin.get("/_emulator/faults").json().get("faults").isEmpty())
                .isTrue();
    }

    @Test
    void faultsOnlyHitMatchingMethodAndPath() {
        admin.post(
                "/_emulator/faults",
                "{\"method\": \"POST\", \"path_prefix\": \"/task/\", \"status\": 503, \"times\": -1}");
        assertThat(api.get("/v1/task/abc").status()).isNotEqualTo(503);
        assertThat(api.post("/v1/task/abc/cancel", "").status()).isEqualTo(503);
        assertThat(api.post("/v1/task/abc/cancel", "").status()).isEqualTo(503);
        assertThat(admin.get("/_emulator/faults").json().get("faults").size()).isEqualTo(1);
        admin.delete("/_emulator/faults", null);
        assertThat(api.post("/v1/task/abc/cancel", "").status()).isNotEqualTo(503);
    }

    @Test
    void invalidFaultsAreRefusedNamingTheField() {
        Http.Resp phase = admin.post("/_emulator/faults", "{\"phase\": \"during\", \"status\": 500}");
        assertThat(phase.status()).isEqualTo(400);
        assertThat(phase.error()).contains("phase");

        Http.Resp status = admin.post("/_emulator/faults", "{\"status\": 200}");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.error()).contains("status");

        Http.Resp nothing = admin.post("/_emulator/faults", "{\"times\": 2}");
        assertThat(nothing.status()).isEqualTo(400);

        Http.Resp times = admin.post("/_emulator/faults", "{\"status\": 500, \"times\": 0}");
        assertThat(times.status()).isEqualTo(400);
        assertThat(times.error()).contains("times");
    }

    /**
     * The emulator's fault plan is shared by every API servlet. This one, mounted on its own server, writes a
     * task per POST, so the test can see that an after-commit fault answers 500 for a change that was kept.
     */
    @Test
    void afterCommitFaultAnswers500ButTheWriteIsKept() throws Exception {
        EmulatorContext context = scale.emulator().context();
        String account = scale.account().accountId();
        Router router = new Router();
        router.post("/things/{id}", req -> {
            SimTasks.insert(context, account, SimTasks.doc(req.path("id"), "categorization", "{}", false), null);
            return SimTasks.load(context, req.path("id"));
        });
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.addServlet(
                new ServletHolder(new ApiServlet("/v1", router, req -> new Caller(account, false), context.faults())),
                "/v1/*");
        server.setHandler(handler);
        server.start();
        try {
            Http http = new Http("http://127.0.0.1:" + connector.getLocalPort(), null);
            admin.post(
                    "/_emulator/faults",
                    "{\"method\": \"POST\", \"path_prefix\": \"/things/\", \"phase\": \"after_commit\","
                            + " \"status\": 500, \"times\": 1}");

            Http.Resp first = http.post("/v1/things/650000000000000000000401", "");
            assertThat(first.status()).isEqualTo(500);
            assertThat(first.json().get("status_code").asInt()).isEqualTo(500);
            assertThat(SimTasks.status(context, "650000000000000000000401")).isEqualTo("pending");

            assertThat(http.post("/v1/things/650000000000000000000402", "").status())
                    .isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    /** Scale's "false 500": a create that answers 500 after commit has still created the task. */
    @Test
    void afterCommitFaultOnTaskCreateLeavesTheTask() {
        admin.post(
                "/_emulator/faults",
                "{\"method\": \"POST\", \"path_prefix\": \"/task/\", \"phase\": \"after_commit\", \"status\": 500}");
        Http.Resp created = api.post("/v1/task/categorization", """
                {"instruction": "Pick one", "attachment_type": "text", "attachment": "tomato",
                 "categories": ["red", "blue"], "unique_id": "fault-after-commit-1"}""");
        assertThat(created.status()).isEqualTo(500);
        int stored = scale.emulator()
                .context()
                .db()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM tasks WHERE unique_id = 'fault-after-commit-1'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void latencyFaultDelaysWithoutFailing() {
        admin.post("/_emulator/faults", "{\"latency_ms\": 300, \"times\": 1}");
        long start = System.nanoTime();
        Http.Resp r = api.get("/v1/no-such-resource");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isEqualTo(404);
        assertThat(tookMillis).isGreaterThanOrEqualTo(300); // a lower bound only: slow machines still pass
    }
}
