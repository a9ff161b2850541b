package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code scale up} takes from the environment when it runs as a container or a CI service: it never serves
 * the control plane beyond loopback without an admin token, reads the token from a mounted file, and gives the demo
 * account the keys a CI job was configured with.
 */
class UpSettingsTest {
    private static final String LIVE = "live_00000000000000000000000000c1a001";
    private static final String TEST = "test_00000000000000000000000000c1a002";

    @Test
    void refusesToListenBeyondLoopbackWithoutAnAdminToken(@TempDir Path data) {
        Cli.Run run = Cli.run(
                Map.of("SCALE_HOME", data.resolve("home").toString()),
                "up",
                "--host",
                "0.0.0.0",
                "--port",
                "0",
                "--data",
                data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("needs an admin token").contains("SCALE_EMULATOR_ADMIN_TOKEN_FILE");
        assertThat(run.out()).doesNotContain("Listening on port");
    }

    @Test
    void refusesAShortAdminTokenWithoutPrintingIt(@TempDir Path data) {
        Cli.Run run = Cli.run(
                Map.of("SCALE_HOME", data.resolve("home").toString(), "SCALE_EMULATOR_ADMIN_TOKEN", "hunter2"),
                "up",
                "--host",
                "0.0.0.0",
                "--port",
                "0",
                "--data",
                data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("at least 16 characters").doesNotContain("hunter2");
    }

    @Test
    void refusesMalformedDemoKeysNamingTheVariable(@TempDir Path data) {
        Cli.Run run = Cli.run(
                Map.of("SCALE_HOME", data.resolve("home").toString(), "SCALE_EMULATOR_LIVE_KEY", "live_short"),
                "up",
                "--port",
                "0",
                "--data",
                data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("SCALE_EMULATOR_LIVE_KEY").contains("32 lowercase hex digits");
    }

    @Test
    void takesTheTokenFromAFileAndTheDemoKeysFromTheEnvironment(@TempDir Path data) throws Exception {
        String token = "admin-token-from-a-mounted-secret";
        Path tokenFile = data.resolve("admin-token");
        Files.writeString(tokenFile, token + "\n");
        Map<String, String> env = new HashMap<>();
        env.put("SCALE_HOME", data.resolve("home").toString());
        env.put("SCALE_EMULATOR_ADMIN_TOKEN_FILE", tokenFile.toString());
        env.put("SCALE_EMULATOR_LIVE_KEY", LIVE);
        env.put("SCALE_EMULATOR_TEST_KEY", TEST);
        StringWriter out = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(env::get);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread up = new Thread(
                () -> exit.set(cli.execute(
                        "up",
                        "--host",
                        "0.0.0.0",
                        "--port",
                        "0",
                        "--data",
                        data.resolve("d").toString(),
                        "--no-workforce")),
                "scale-up-settings-test");
        up.start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> out.toString().contains("Listening on port: "));
            String banner = out.toString();
            assertThat(banner).contains("Live API key   " + LIVE).contains("Test API key   " + TEST);
            String base = "http://127.0.0.1:" + find(banner, "Listening on port: (\\d+)");
            HttpClient http = HttpClient.newHttpClient();

            // the preset live key opens the API
            HttpResponse<String> projects = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/projects"))
                            .header("Authorization", "Bearer " + LIVE)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(projects.statusCode()).isEqualTo(200);

            // health needs no token (orchestrators probe it); the rest of the control plane needs the file's token
            assertThat(status(http, base + "/_emulator/health", null)).isEqualTo(200);
            assertThat(status(http, base + "/_emulator/faults", null)).isEqualTo(401);
            assertThat(status(http, base + "/_emulator/faults", "Bearer " + token))
                    .isEqualTo(200);
        } finally {
            up.interrupt();
            up.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(exit.get()).isZero();
    }

    private static int status(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in\n" + text).isTrue();
        return m.group(1);
    }
}
