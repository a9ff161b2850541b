package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.DemoAccount;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Which Scale the tool commands talk to ({@link TargetOptions} chooses). In order: an API key from the environment
 * (with {@code SCALE_BASE_URL} or {@code --base-url}, default Scale's own API); else an emulator already running
 * from {@code ./scale up} on the default port; else an emulator started inside this process on the same data
 * directory (its workforce stays off, so only one process labels tasks).
 */
final class Target implements AutoCloseable {
    static final String DEFAULT_SCALE_URL = "https://api.scale.com/v1";
    private final String baseUrl;
    private final String apiKey;
    private final ScaleEmulator embedded;
    private final String description;

    private Target(String baseUrl, String apiKey, ScaleEmulator embedded, String description) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.embedded = embedded;
        this.description = description;
    }

    /** A Scale reached with an API key (Scale itself, or any emulator). */
    static Target remote(String baseUrl, String apiKey, String keyVariable) {
        return new Target(baseUrl, apiKey, null, baseUrl + " (key from " + keyVariable + ")");
    }

    /** The emulator: a running './scale up' on {@code defaultPort}, else one started in this process. */
    static Target emulator(Path dataDir, int defaultPort) {
        Path credentials = dataDir.resolve(DemoAccount.FILE_NAME);
        String running = "http://127.0.0.1:" + defaultPort;
        if (Files.exists(credentials) && isUp(running)) {
            ScaleEmulator none = null;
            String demoKey = readDemoKey(dataDir);
            return new Target(running + "/v1", demoKey, none, "the emulator at " + running);
        }
        ScaleEmulator emulator = ScaleEmulator.start(EmulatorConfig.builder()
                .port(0)
                .dataDir(dataDir)
                .workforceEnabled(false)
                .build());
        Accounts.NewAccount demo = DemoAccount.ensure(emulator.context());
        return new Target(emulator.baseUrl() + "/v1", demo.liveKey(), emulator, "an embedded emulator on " + dataDir);
    }

    /** For an emulator this process already runs (scale up). */
    static Target of(ScaleEmulator emulator, String apiKey) {
        return new Target(emulator.baseUrl() + "/v1", apiKey, null, "this emulator");
    }

    ToolRegistry registry() {
        return ToolRegistry.load(ScaleBackend.http(baseUrl, apiKey));
    }

    String description() {
        return description;
    }

    private static String readDemoKey(Path dataDir) {
        try {
            return dev.scaletoolkit.model.ScaleJson.mapper()
                    .readTree(Files.readString(dataDir.resolve(DemoAccount.FILE_NAME)))
                    .path("live_key")
                    .asString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isUp(String base) {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(300))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/_emulator/health"))
                                    .timeout(Duration.ofSeconds(1))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
