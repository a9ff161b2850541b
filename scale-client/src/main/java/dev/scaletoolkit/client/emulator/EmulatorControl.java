package dev.scaletoolkit.client.emulator;

import dev.scaletoolkit.client.error.ErrorTable;
import dev.scaletoolkit.client.error.ScaleIoException;
import dev.scaletoolkit.client.internal.NoTlsContext;
import dev.scaletoolkit.model.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scale-toolkit emulator's control plane ({@code /_emulator}): reset its data, inject faults, finish tasks
 * now, read the request journal. Only the emulator has these routes; Scale itself answers 404.
 *
 * <pre>{@code
 * EmulatorControl control = EmulatorControl.of("http://127.0.0.1:8790");
 * control.addFault(Fault.status(500).onPath("POST", "/v1/task/").afterCommit().times(1));
 * control.completeTask(taskId);
 * }</pre>
 *
 * <p>Answers are {@link JsonValue}s ({@code control.health().path("status").stringValue()}), so this class, like
 * the rest of the SDK, brings no JSON library.
 *
 * <p>Errors: a non-2xx answer throws the SDK's {@code ScaleApiException} subclass for its status; a connection
 * failure throws {@link ScaleIoException}.
 */
public final class EmulatorControl {
    private final String root;
    private final String adminToken;
    private final HttpClient http;

    private EmulatorControl(String root, String adminToken) {
        this.root = root;
        this.adminToken = adminToken;
        this.http = NoTlsContext.clientFor(root, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)));
    }

    /**
     * The emulator at {@code url}, bound to loopback (no admin token needed).
     *
     * @param url {@code http://host:port}; a trailing {@code /v1} is dropped
     * @return the control client
     */
    public static EmulatorControl of(String url) {
        return of(url, null);
    }

    /**
     * The emulator at {@code url}, with the admin token an emulator bound off loopback requires.
     *
     * @param url {@code http://host:port}; a trailing {@code /v1} is dropped
     * @param adminToken its {@code --admin-token}, or null on loopback
     * @return the control client
     */
    public static EmulatorControl of(String url, String adminToken) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (u.endsWith("/v1")) {
            u = u.substring(0, u.length() - 3);
        }
        return new EmulatorControl(u, adminToken == null || adminToken.isBlank() ? null : adminToken);
    }

    /**
     * Where the emulator is.
     *
     * @return {@code http://host:port}, without {@code /v1}
     */
    public String url() {
        return root;
    }

    /**
     * Whether the emulator is up, and its version.
     *
     * @return {@code {"status":"ok","version":…}}
     */
    public JsonValue health() {
        return send("GET", "/health", null);
    }

    /** Deletes all projects, batches, tasks and files; accounts and keys stay. Faults are cleared. */
    public void reset() {
        send("POST", "/reset", JsonValue.of(Map.of()));
    }

    /**
     * Adds a fault rule.
     *
     * @param fault the rule
     * @return the rule as stored, with its id
     */
    public JsonValue addFault(Fault fault) {
        return send("POST", "/faults", fault.toJson());
    }

    /** Removes every fault rule. */
    public void clearFaults() {
        send("DELETE", "/faults", null);
    }

    /**
     * The fault rules in force.
     *
     * @return the rules, each with the number of calls it has left
     */
    public JsonValue faults() {
        return send("GET", "/faults", null);
    }

    /**
     * Completes a pending task now with the emulator's generated response.
     *
     * @param taskId the task
     * @return the completed task
     */
    public JsonValue completeTask(String taskId) {
        return completeTask(taskId, null);
    }

    /**
     * Completes a pending task now with a response of your own.
     *
     * @param taskId the task
     * @param response the response, in the task type's format; null for a generated one
     * @return the completed task
     */
    public JsonValue completeTask(String taskId, JsonValue response) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (response != null) {
            body.put("response", response);
        }
        return send("POST", "/tasks/" + segment(taskId) + "/complete", JsonValue.of(body));
    }

    /**
     * Puts a pending task in {@code error} now.
     *
     * @param taskId the task
     * @param message the error text; null for a generic one
     * @return the failed task
     */
    public JsonValue failTask(String taskId, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (message != null) {
            body.put("error", message);
        }
        return send("POST", "/tasks/" + segment(taskId) + "/fail", JsonValue.of(body));
    }

    /**
     * The request journal ({@code GET /_emulator/requests}), newest first, or empty when this emulator keeps
     * none (older versions).
     *
     * @return the journal entries, or empty
     */
    public Optional<JsonValue> requests() {
        HttpResponse<byte[]> r = exchange("GET", "/requests", null);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(decode(r));
    }

    private JsonValue send(String method, String path, JsonValue body) {
        return decode(exchange(method, path, body));
    }

    private HttpResponse<byte[]> exchange(String method, String path, JsonValue body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(root + "/_emulator" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (adminToken != null) {
            req.header("Authorization", "Bearer " + adminToken);
        }
        if (body != null) {
            req.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toJson(), StandardCharsets.UTF_8));
        } else {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ScaleIoException("cannot reach the emulator at " + root + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScaleIoException("interrupted while calling " + root, new java.io.InterruptedIOException());
        }
    }

    private JsonValue decode(HttpResponse<byte[]> r) {
        if (r.statusCode() / 100 != 2) {
            throw ErrorTable.fromResponse(r.statusCode(), r.headers().map(), r.body(), adminToken);
        }
        String text = new String(r.body(), StandardCharsets.UTF_8);
        return text.isBlank() ? JsonValue.of(Map.of()) : JsonValue.parse(text);
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String segment(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("taskId is required");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
