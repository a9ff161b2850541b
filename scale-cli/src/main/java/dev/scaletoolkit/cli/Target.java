package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.EmulatorControl;
import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.DemoAccount;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Scale one command talks to, chosen by {@link TargetOptions}: an API base URL and key, and, when this
 * process started it ({@code --embedded}), the emulator itself. Closing it stops that emulator and deletes its
 * throwaway directory.
 */
final class Target implements AutoCloseable {
    static final String DEFAULT_SCALE_URL = ClientOptions.DEFAULT_BASE_URL;

    private final String apiUrl;
    private final String apiKey;
    private final boolean emulator;
    private final String adminToken;
    private final String description;
    private final ScaleEmulator embedded;
    private final Path throwawayDir;
    private ScaleClient client;

    private Target(
            String apiUrl,
            String apiKey,
            boolean emulator,
            String adminToken,
            String description,
            ScaleEmulator embedded,
            Path throwawayDir) {
        this.apiUrl = apiUrl;
        this.apiKey = apiKey;
        this.emulator = emulator;
        this.adminToken = adminToken;
        this.description = description;
        this.embedded = embedded;
        this.throwawayDir = throwawayDir;
    }

    /** A Scale reached with an API key: Scale itself, a named connection, or any emulator. */
    static Target remote(String apiUrl, String apiKey, String description) {
        return remote(apiUrl, apiKey, false, null, description);
    }

    /** As above, saying whether it is known to be an emulator, and its control plane's admin token. */
    static Target remote(String apiUrl, String apiKey, boolean emulator, String adminToken, String description) {
        return new Target(withV1(apiUrl), apiKey, emulator, adminToken, description, null, null);
    }

    /** An emulator that already runs at {@code root} ({@code http://host:port}), with the key from its data. */
    static Target runningEmulator(String root, Path credentials, String adminToken, String description) {
        if (!isUp(root)) {
            throw new Unreachable("nothing answers at " + root + " (is ./scale up running there?)");
        }
        return new Target(root + "/v1", readLiveKey(credentials), true, adminToken, description, null, null);
    }

    /** An emulator started inside this process on {@code dataDir}, or on a temporary directory when null. */
    static Target embedded(Path dataDir) {
        Path dir;
        Path throwaway = null;
        try {
            dir = dataDir != null ? dataDir : (throwaway = Files.createTempDirectory("scale-embedded"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // its workforce stays off: the command is short-lived, and another process may label this data
        ScaleEmulator started = ScaleEmulator.start(EmulatorConfig.builder()
                .port(0)
                .dataDir(dir)
                .workforceEnabled(false)
                .build());
        Accounts.NewAccount demo = DemoAccount.ensure(started.context());
        String what = throwaway != null
                ? "a throwaway emulator in this process (deleted on exit)"
                : "an emulator in this process on " + dir.toAbsolutePath();
        return new Target(started.baseUrl() + "/v1", demo.liveKey(), true, null, what, started, throwaway);
    }

    /** For an emulator this process already runs ({@code scale up}). */
    static Target of(ScaleEmulator emulator, String apiKey) {
        return new Target(emulator.baseUrl() + "/v1", apiKey, true, null, "this emulator", null, null);
    }

    ToolRegistry registry() {
        return ToolRegistry.load(ScaleBackend.http(apiUrl, apiKey));
    }

    /** Only the tool {@code slug}, for a command that calls that one: one catalog file read instead of all. */
    ToolRegistry registry(String slug) {
        return ToolRegistry.loadOnly(ScaleBackend.http(apiUrl, apiKey), slug);
    }

    /** The SDK on this target, made on first use and closed with the target. */
    synchronized ScaleClient client() {
        if (client == null) {
            client = ScaleClient.create(
                    ClientOptions.builder().apiKey(apiKey).baseUrl(apiUrl).build());
        }
        return client;
    }

    /** The emulator's control plane; a usage error when the target is not an emulator. */
    EmulatorControl control() {
        return EmulatorControl.of(apiUrl, adminToken);
    }

    boolean isEmulator() {
        return emulator;
    }

    /** The API base URL, e.g. {@code http://127.0.0.1:8790/v1}. */
    String apiUrl() {
        return apiUrl;
    }

    /** Which Scale this is, for people: "the emulator at …", "https://api.scale.com/v1 (key from …)". */
    String description() {
        return description;
    }

    static String withV1(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return u.endsWith("/v1") ? u : u + "/v1";
    }

    static String readLiveKey(Path credentials) {
        try {
            String key = ScaleJson.mapper()
                    .readTree(Files.readString(credentials))
                    .path("live_key")
                    .asString("");
            if (key.isBlank()) {
                throw new Unreachable(credentials + " holds no live_key");
            }
            return key;
        } catch (IOException | tools.jackson.core.JacksonException e) {
            throw new Unreachable("cannot read the emulator's keys from " + credentials + ": " + e.getMessage(), e);
        }
    }

    /**
     * For a Scale on this machine (an emulator, by its loopback address): fails at once, exit code 3, when nothing
     * listens on its port, instead of letting the SDK retry a refused connection for seconds before the same
     * answer. A plain TCP connect, which costs about a millisecond; remote hosts are left to the SDK's retries.
     */
    void requireListening() {
        if (embedded != null) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(apiUrl);
        } catch (IllegalArgumentException e) {
            return; // the SDK reports a bad URL
        }
        String host = uri.getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            return;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(host.equals("[::1]") ? "::1" : host, port), 1000);
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + apiUrl
                    + ": nothing listens there; start the emulator with ./scale up, or choose another Scale"
                    + " (./scale --help)");
        }
    }

    /** True when {@code root}'s control plane answers its health check within a second or so. */
    static boolean isUp(String root) {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(500))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(root + "/_emulator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (throwawayDir != null) {
            try (Stream<Path> files = Files.walk(throwawayDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
    }
}
