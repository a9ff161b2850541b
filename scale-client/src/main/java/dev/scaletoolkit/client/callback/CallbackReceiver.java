package dev.scaletoolkit.client.callback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.model.task.TaskCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A small embeddable callback endpoint on the JDK's HTTP server. It checks the auth header, answers 200 at once
 * (Scale retries anything else), stores each callback once — a redelivery with the same task id, status and
 * completion time is acknowledged but not stored or handed on again — and can replay what it stored.
 *
 * <pre>{@code
 * try (CallbackReceiver receiver = CallbackReceiver.start(8099, "/scale", verifier, cb -> save(cb))) { ... }
 * }</pre>
 */
public final class CallbackReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers;
    private final CallbackVerifier verifier;
    private final Consumer<TaskCallback> listener;
    private final Map<String, TaskCallback> stored = new LinkedHashMap<>();

    private CallbackReceiver(HttpServer server, CallbackVerifier verifier, Consumer<TaskCallback> listener) {
        this.server = server;
        this.verifier = verifier;
        this.listener = listener;
        this.handlers = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scale-callback-listener");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts listening on 127.0.0.1:{@code port} (0 for a free port) under {@code path}. */
    public static CallbackReceiver start(
            int port, String path, CallbackVerifier verifier, Consumer<TaskCallback> listener) {
        return start(new InetSocketAddress("127.0.0.1", port), path, verifier, listener);
    }

    public static CallbackReceiver start(
            InetSocketAddress address, String path, CallbackVerifier verifier, Consumer<TaskCallback> listener) {
        Objects.requireNonNull(verifier, "verifier");
        try {
            HttpServer server = HttpServer.create(address, 0);
            CallbackReceiver receiver = new CallbackReceiver(server, verifier, listener == null ? cb -> {} : listener);
            server.createContext(path, receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /** The URL to give Scale as {@code callback_url}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every distinct callback received, in arrival order. */
    public synchronized List<TaskCallback> received() {
        return new ArrayList<>(stored.values());
    }

    /** Hands every stored callback to {@code consumer} again, in arrival order (e.g. after a crash downstream). */
    public void replay(Consumer<TaskCallback> consumer) {
        received().forEach(consumer);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
                reply(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            TaskCallback callback;
            try {
                callback = verifier.verify(exchange.getRequestHeaders().getFirst(CallbackVerifier.HEADER), body);
            } catch (CallbackVerifier.CallbackAuthException e) {
                reply(exchange, 401, "{\"error\":\"bad callback auth\"}");
                return;
            } catch (RuntimeException e) {
                reply(exchange, 400, "{\"error\":\"not a task callback\"}");
                return;
            }
            boolean isNew;
            synchronized (this) {
                isNew = stored.putIfAbsent(dedupeKey(callback), callback) == null;
            }
            reply(exchange, 200, "{\"ok\":true}");
            if (isNew) {
                handlers.execute(() -> listener.accept(callback));
            }
        }
    }

    /** Same task, same status, same completion time: the same event delivered twice. */
    static String dedupeKey(TaskCallback cb) {
        String taskId = cb.taskId() != null ? cb.taskId() : cb.task().taskId();
        String status = cb.status() != null
                ? cb.status().value()
                : cb.task() != null && cb.task().status() != null
                        ? cb.task().status().value()
                        : "";
        String completedAt = cb.task() != null && cb.task().completedAt() != null
                ? cb.task().completedAt().toString()
                : "";
        return taskId + "|" + status + "|" + completedAt;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdown();
    }
}
