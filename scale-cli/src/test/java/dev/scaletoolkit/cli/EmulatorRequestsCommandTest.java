package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code scale emulator requests} prints what a running emulator was sent, and clears it. */
@ScaleEmulatorTest(workforce = false)
class EmulatorRequestsCommandTest {

    private static String run(RunningEmulator scale, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(
                Map.of("SCALE_API_KEY", scale.liveKey(), "SCALE_BASE_URL", scale.baseUrl() + "/v1")::get);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void printsRecentRequestsNewestFirstAndClears(RunningEmulator scale) throws Exception {
        String auth =
                "Basic " + Base64.getEncoder().encodeToString((scale.liveKey() + ":").getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        http.send(
                HttpRequest.newBuilder(URI.create(scale.baseUrl() + "/v1/projects?limit=3"))
                        .header("Authorization", auth)
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        http.send(
                HttpRequest.newBuilder(URI.create(scale.baseUrl() + "/v1/batches"))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"project\": \"missing\", \"name\": \"b\"}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        String listing = run(scale, "emulator", "requests", "--bodies");
        assertThat(listing.indexOf("POST   404")).isNotNegative().isLessThan(listing.indexOf("GET    200"));
        assertThat(listing).contains("/v1/projects?limit=3").contains("\"project\":\"missing\"");
        assertThat(listing).doesNotContain(scale.liveKey());

        assertThat(run(scale, "emulator", "requests", "--status", "4"))
                .contains("/v1/batches")
                .doesNotContain("/v1/projects");

        assertThat(run(scale, "emulator", "requests", "--clear")).contains("cleared");
        assertThat(run(scale, "emulator", "requests")).contains("No requests recorded");
    }
}
