package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.client.webhook.WebhookSignature;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.Triggers;
import dev.scaletoolkit.triggers.event.EventParser;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.node.ObjectNode;

/** {@code scale events}, {@code scale webhooks} and {@code scale callbacks listen --forward-to}, in-process. */
class TriggersCommandsTest {
    @TempDir
    Path home;

    final Map<String, String> env = new HashMap<>();
    HttpServer app;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> signatures = new CopyOnWriteArrayList<>();
    final List<String> auths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        env.put("SCALE_HOME", home.toString());
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/app", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            String sig = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            signatures.add(sig == null ? "" : sig);
            String auth = exchange.getRequestHeaders().getFirst("scale-callback-auth");
            auths.add(auth == null ? "" : auth);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        app.start();
        try (Gateway gw = Gateway.open(home, env::get)) {
            var events = Triggers.events(gw);
            events.record(EventParser.fromTask("prod", task("t1", "completed", "cats"), "callback")
                    .orElseThrow());
            events.record(EventParser.fromTask("prod", task("t2", "error", "dogs"), "poll")
                    .orElseThrow());
            events.record(EventParser.fromTask("prod", task("t3", "completed", "dogs"), "poll")
                    .orElseThrow());
        }
    }

    @AfterEach
    void stop() {
        app.stop(0);
    }

    @Test
    void tailPrintsEventsOldestFirstFilteredByType() {
        Cli.Run all = Cli.run(env, "events", "tail");
        Cli.Run completed = Cli.run(env, "events", "tail", "--type", "task.completed", "--json");
        Cli.Run bad = Cli.run(env, "events", "tail", "--type", "task.done");

        assertThat(all.exitCode()).isZero();
        assertThat(all.out().lines().toList())
                .hasSize(3)
                .first()
                .asString()
                .startsWith("#1 task.completed prod task=t1")
                .contains("project=cats");
        assertThat(all.out()).contains("#2 task.error prod task=t2");
        assertThat(completed
                        .out()
                        .lines()
                        .map(l -> ScaleJson.mapper()
                                .readTree(l)
                                .path("data")
                                .path("task_id")
                                .asString()))
                .containsExactly("t1", "t3");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("task.done").contains("task.completed");
    }

    @Test
    void tailFollowPrintsNewEventsAsTheyArrive() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(env::get, false);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        Thread follower = new Thread(() -> cli.execute("events", "tail", "--follow", "--since", "3"));
        follower.start();
        try (Gateway gw = Gateway.open(home, env::get)) {
            Triggers.events(gw)
                    .record(EventParser.fromTask("prod", task("t4", "canceled", "cats"), "poll")
                            .orElseThrow());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("#4 task.canceled prod task=t4"));
        follower.interrupt();
        follower.join(10_000);
        assertThat(follower.isAlive()).isFalse();
        assertThat(out.toString()).doesNotContain("#3");
    }

    @Test
    void webhooksAddShowsTheSecretOnceAndReplaySignsWithIt() {
        String url = "http://127.0.0.1:" + app.getAddress().getPort() + "/app";
        Cli.Run notAllowed = Cli.run(env, "webhooks", "add", url, "--events", "task.completed");
        assertThat(notAllowed.err()).contains("--allow-host 127.0.0.1");
        Cli.Run added = Cli.run(
                env, "webhooks", "add", url, "--events", "task.completed,batch.completed", "--allow-host", "127.0.0.1");
        Cli.Run refused = Cli.run(env, "webhooks", "add", "http://169.254.169.254/x", "--events", "task.completed");
        Cli.Run listed = Cli.run(env, "webhooks", "list");

        assertThat(added.exitCode()).as(added.err()).isZero();
        Matcher secret = Pattern.compile("whsec_[A-Za-z0-9_-]+").matcher(added.out());
        assertThat(secret.find()).isTrue();
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("169.254.169.254");
        assertThat(listed.out()).contains(url).contains("task.completed").doesNotContain(secret.group());

        env.put("HOOK_SECRET", secret.group());
        Cli.Run replay = Cli.run(env, "events", "replay", "--since", "1", "--to", url, "--secret-env", "HOOK_SECRET");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("2 events sent");
        assertThat(bodies).hasSize(2);
        for (int i = 0; i < 2; i++) {
            WebhookSignature.verify(bodies.get(i), signatures.get(i), secret.group());
        }
        assertThat(ScaleJson.mapper().readTree(bodies.get(0)).path("id").asLong())
                .isEqualTo(2);
    }

    @Test
    void listenForwardsAcceptedCallbacksAndAnswersWithTheAppsStatus() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(env::get, false);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        String appUrl = "http://127.0.0.1:" + app.getAddress().getPort() + "/app";
        Thread listener = new Thread(
                () -> cli.execute("callbacks", "listen", "--port", "0", "--auth", "cbk_right", "--forward-to", appUrl));
        listener.setDaemon(true);
        listener.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Listening for callbacks on"));
        Matcher port = Pattern.compile("127\\.0\\.0\\.1:(\\d+)/").matcher(out.toString());
        assertThat(port.find()).isTrue();
        String listenUrl = "http://127.0.0.1:" + port.group(1) + "/task";
        String body = "{\"task_id\":\"t9\",\"status\":\"completed\",\"task\":{\"task_id\":\"t9\"}}";

        int good = post(listenUrl, body, "cbk_right");
        int forged = post(listenUrl, body, "cbk_wrong");

        assertThat(good).isEqualTo(202);
        assertThat(forged).isEqualTo(401);
        assertThat(bodies).containsExactly(body);
        assertThat(auths).containsExactly("cbk_right");
        assertThat(out.toString()).contains("task t9 is completed").contains("forwarded to " + appUrl + ": HTTP 202");
        listener.interrupt();
    }

    private static int post(String url, String body, String auth) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("scale-callback-auth", auth)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static ObjectNode task(String id, String status, String project) {
        ObjectNode t = ScaleJson.mapper().createObjectNode();
        t.put("task_id", id);
        t.put("status", status);
        t.put("project", project);
        t.put("completed_at", "2026-11-29T10:00:00.000Z");
        return t;
    }
}
