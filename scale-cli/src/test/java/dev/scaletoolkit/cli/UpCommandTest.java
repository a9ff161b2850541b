package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.mcp.McpClients;
import dev.scaletoolkit.mcp.McpToolTour;
import io.modelcontextprotocol.client.McpSyncClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code scale up} run in a thread on a free port: the banner tells a user everything needed to connect (base URL,
 * keys, MCP endpoint and token, port), and each of those works.
 */
class UpCommandTest {

    @Test
    void printsWhereEverythingIsAndServesIt(@TempDir Path data) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli =
                ScaleCli.commandLine(Map.of("SCALE_HOME", data.resolve("home").toString())::get);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread up = new Thread(
                () -> exit.set(cli.execute(
                        "up", "--port", "0", "--data", data.toString(), "--no-workforce", "--mcp-profile", "core")),
                "scale-up-test");
        up.start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> out.toString().contains("Listening on port: "));
            String banner = out.toString();
            int port = Integer.parseInt(find(banner, "Listening on port: (\\d+)"));
            String base = "http://127.0.0.1:" + port;
            assertThat(banner)
                    .contains("API base URL   " + base + "/v1")
                    .contains("MCP endpoint   " + base + "/mcp")
                    .contains("Control plane  " + base + "/_emulator/health");
            String liveKey = find(banner, "Live API key +(\\S+)");
            String testKey = find(banner, "Test API key +(\\S+)");
            String token = find(banner, "MCP token +(\\S+)");
            assertThat(liveKey).startsWith("live_");
            assertThat(testKey).startsWith("test_");

            // the printed key opens the API
            HttpResponse<String> projects = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/v1/projects"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString(
                                                                    (testKey + ":").getBytes(StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(projects.statusCode()).isEqualTo(200);

            // the printed one-time link lets the demo admin choose a password in the browser UI
            assertThat(banner).contains("Browser UI     " + base + "/");
            String link = find(banner, "Set password +(\\S+)");
            assertThat(link).startsWith(base + "/set-password?token=");
            HttpResponse<String> setPassword = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(setPassword.statusCode()).isEqualTo(200);
            assertThat(setPassword.body()).contains("Choose a password").contains("admin@demo.example");

            // the printed token opens the MCP endpoint, which lists the chosen profile; its server is built by the
            // first request (issue 22), so three clients arrive at once and each gets the whole listing
            java.util.List<java.util.concurrent.CompletableFuture<Integer>> listings = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                listings.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    McpSyncClient client = McpClients.http(base, "/mcp", token, null);
                    try {
                        client.initialize();
                        return McpToolTour.listAll(client).size();
                    } finally {
                        client.closeGracefully();
                    }
                }));
            }
            for (var listing : listings) {
                // core: its 12 tools and SCALE_AI_READ_RESULT, which reads the rest of a result cut to size
                assertThat(listing.get(60, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(13);
            }

            // the token is kept, readable by its owner only, so client configurations survive restarts
            Path tokenFile = data.resolve(McpToken.FILE_NAME);
            assertThat(Files.readString(tokenFile).trim()).isEqualTo(token);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                    .isEqualTo("rw-------");
        } finally {
            up.interrupt();
            up.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(up.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in\n" + text).isTrue();
        return m.group(1);
    }

    @Test
    void storesItsDataInPostgresWhenGivenAUrl(@TempDir Path data) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            StringWriter out = new StringWriter();
            Map<String, String> env =
                    Map.of("SCALE_DB_USER", "postgres", "SCALE_DB_PASSWORD", "postgres", "SCALE_HOME", data + "/home");
            CommandLine cli = ScaleCli.commandLine(env::get);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(new StringWriter(), true));
            String url = pg.getJdbcUrl("postgres", "postgres");
            Thread up = new Thread(
                    () -> cli.execute(
                            "up", "--port", "0", "--data", data.toString(), "--no-workforce", "--postgres", url),
                    "scale-up-pg-test");
            up.start();
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> out.toString().contains("Listening on port: "));
                String base = "http://127.0.0.1:" + find(out.toString(), "Listening on port: (\\d+)");
                String liveKey = find(out.toString(), "Live API key +(\\S+)");
                HttpResponse<String> created = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(base + "/v1/projects"))
                                        .header(
                                                "Authorization",
                                                "Basic "
                                                        + Base64.getEncoder()
                                                                .encodeToString((liveKey + ":")
                                                                        .getBytes(StandardCharsets.UTF_8)))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"type\": \"categorization\", \"name\": \"in_postgres\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
                try (java.sql.Connection c = pg.getPostgresDatabase().getConnection();
                        java.sql.ResultSet rs = c.createStatement()
                                .executeQuery("SELECT COUNT(*) FROM projects WHERE name = 'in_postgres'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                assertThat(Files.exists(data.resolve("scale.db")))
                        .as("no SQLite file")
                        .isFalse();
            } finally {
                up.interrupt();
                up.join(Duration.ofSeconds(30).toMillis());
            }
        }
    }

    @Test
    void refusesAPostgresUrlThatIsNotJdbc(@TempDir Path data) {
        StringWriter err = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(Map.<String, String>of()::get);
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("up", "--port", "0", "--data", data.toString(), "--postgres", "postgres://localhost/x");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--postgres must be a jdbc:postgresql: URL");
    }

    @Test
    void aPortInUseIsReportedInOneLineWithoutAStackTrace(@TempDir Path data) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            CommandLine cli = ScaleCli.commandLine(Map.<String, String>of()::get);
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute("up", "--port", Integer.toString(taken.getLocalPort()), "--data", data.toString());
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString())
                    .startsWith("scale up: ")
                    .contains("Address already in use")
                    .doesNotContain("\tat ");
        }
    }
}
