package dev.scaletoolkit.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live dashboard on two nodes sharing PostgreSQL: a manager's event stream on the second node announces a task
 * completed through the first, though the nodes never talk to each other (each reads the shared database).
 */
class DashboardEventsTwoNodeTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String MANAGER = "grace@nodes.example";

    private static EmbeddedPostgres postgres;
    private static ScaleEmulator first;
    private static ScaleEmulator second;
    private static Accounts.NewAccount account;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        first = ScaleEmulator.start(node("scale-live-1"));
        second = ScaleEmulator.start(node("scale-live-2"));
        account = first.accounts().create("Live Co", "owner@nodes.example");
    }

    private static dev.scaletoolkit.emulator.EmulatorConfig node(String dir) throws IOException {
        return TestEmulator.defaults(Files.createTempDirectory(dir))
                .postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                .workforceEnabled(false)
                .build();
    }

    @AfterAll
    static void stop() throws IOException {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aCompletionOnOneNodeReachesADashboardStreamOnTheOther() throws Exception {
        Http api = new Http(first.baseUrl(), account.liveKey());
        assertThat(api.post("/v1/teams/invite", "{\"emails\": [\"" + MANAGER + "\"], \"team_role\": \"manager\"}")
                        .status())
                .isEqualTo(200);
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(browser);
        String task = api.post(
                        "/v1/task/categorization",
                        "{\"instruction\": \"Which?\", \"attachment_type\": \"text\", \"attachment\": \"a bus\","
                                + " \"categories\": [\"bus\", \"car\"]}")
                .json()
                .path("task_id")
                .asString();

        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = browser.send(
                HttpRequest.newBuilder(URI.create(second.baseUrl() + "/dashboard/events"))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(
                () -> stream.body().filter(l -> l.startsWith("event:")).forEach(events::add));
        reader.setDaemon(true);
        reader.start();
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event: ready");

        Http control = new Http(first.baseUrl(), null);
        assertThat(control.post("/_emulator/tasks/" + task + "/complete", "{}").status())
                .isEqualTo(200);
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event: change");
        stream.body().close();
    }

    @Test
    void theStreamIsForManagersOnly() throws Exception {
        HttpClient stranger = HttpClient.newBuilder().build();
        HttpResponse<String> anonymous = stranger.send(
                HttpRequest.newBuilder(URI.create(second.baseUrl() + "/dashboard/events"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(303); // to the sign-in page
        assertThat(anonymous.headers().firstValue("Location").orElse("")).isEqualTo("/sign-in");
    }

    /** Chooses a password through the one-time link of the second node's control plane: a session there. */
    private static void signIn(HttpClient browser) throws Exception {
        Http control = new Http(second.baseUrl(), null);
        String link = control.get("/_emulator/sign-in-links?email=" + MANAGER)
                .json()
                .path("docs")
                .get(0)
                .path("url")
                .asString();
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> form = browser.send(
                HttpRequest.newBuilder(URI.create(second.baseUrl() + "/set-password?token=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).isTrue();
        String body = "csrf=" + enc(m.group(1)) + "&token=" + enc(token) + "&password=" + enc(Pages.PASSWORD)
                + "&confirm=" + enc(Pages.PASSWORD);
        HttpResponse<String> done = browser.send(
                HttpRequest.newBuilder(URI.create(second.baseUrl() + "/set-password"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
