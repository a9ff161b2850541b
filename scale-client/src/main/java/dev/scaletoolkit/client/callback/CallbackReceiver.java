package dev.scaletoolkit.client.callback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.client.internal.SdkLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A small embeddable callback endpoint on the JDK's HTTP server, for task and batch callbacks. It checks the auth
 * header in constant time (401 otherwise), answers 200 at once (Scale retries anything else, for about a day),
 * and hands each distinct callback to the handler once: a redelivery of the same subject (task id or batch name),
 * status and completion time within the dedup window is acknowledged but not handed on again.
 *
 * <pre>{@code
 * CallbackVerifier verifier = CallbackVerifier.of(System.getenv("SCALE_CALLBACK_AUTH_KEY"));
 * try (CallbackReceiver receiver = CallbackReceiver.start(8099, "/scale", verifier, event -> {
 *     if (event instanceof CallbackEvent.TaskEvent t) save(t.callback());
 *     if (event instanceof CallbackEvent.BatchEvent b) close(b.callback().name());
 * })) { ... }
 * }</pre>
 */
public final class CallbackReceiver implements AutoCloseable {
    /** How long a delivered callback is remembered for deduplication unless set otherwise: Scale's retry span. */
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofHours(25);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final CallbackVerifier verifier;
    private final CallbackHandler handler;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Seen> seen = new LinkedHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();

    private record Seen(CallbackEvent event, Instant at) {}

    private CallbackReceiver(
            HttpServer server, CallbackVerifier verifier, CallbackHandler handler, Duration window, Clock clock) {
        this.server = server;
        this.verifier = verifier;
        this.handler = handler;
        this.window = window;
        this.clock = clock;
        this.handlers = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scale-callback-handler");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts listening on 127.0.0.1:{@code port} under {@code path}, deduplicating over a day.
     *
     * @param port the port, 0 for a free one
     * @param path the URL path to accept callbacks on, e.g. {@code /scale}
     * @param verifier checks the auth header
     * @param handler receives each distinct callback once
     * @return the running receiver
     */
    public static CallbackReceiver start(int port, String path, CallbackVerifier verifier, CallbackHandler handler) {
        return start(new InetSocketAddress("127.0.0.1", port), path, verifier, handler, DEFAULT_DEDUP_WINDOW);
    }

    /**
     * Starts listening on any address, with a chosen dedup window.
     *
     * @param address where to listen (use a public interface only behind TLS termination)
     * @param path the URL path to accept callbacks on
     * @param verifier checks the auth header
     * @param handler receives each distinct callback once
     * @param dedupWindow how long a callback is remembered to drop its redeliveries
     * @return the running receiver
     */
    public static CallbackReceiver start(
            InetSocketAddress address,
            String path,
            CallbackVerifier verifier,
            CallbackHandler handler,
            Duration dedupWindow) {
        return start(address, path, verifier, handler, dedupWindow, Clock.systemUTC());
    }

    static CallbackReceiver start(
            InetSocketAddress address,
            String path,
            CallbackVerifier verifier,
            CallbackHandler handler,
            Duration dedupWindow,
            Clock clock) {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(dedupWindow, "dedupWindow");
        try {
            HttpServer server = HttpServer.create(address, 0);
            CallbackReceiver receiver =
                    new CallbackReceiver(server, verifier, handler == null ? event -> {} : handler, dedupWindow, clock);
            server.createContext(path, receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /**
     * The URL to give Scale as {@code callback_url} (tasks) or {@code callback} (batches).
     *
     * @param path the path the receiver was started with
     * @return a loopback URL with the receiver's port
     */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /**
     * The port the receiver listens on.
     *
     * @return the port (the chosen one when started with 0)
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Every distinct callback still within the dedup window, in arrival order.
     *
     * @return a copy of the remembered callbacks
     */
    public synchronized List<CallbackEvent> received() {
        List<CallbackEvent> out = new ArrayList<>();
        seen.values().forEach(s -> out.add(s.event()));
        return out;
    }

    /**
     * How many authentic callbacks arrived, redeliveries included.
     *
     * @return the count since start
     */
    public long deliveries() {
        return deliveries.get();
    }

    /**
     * Hands every remembered callback to {@code consumer} again, in arrival order (after a crash downstream).
     *
     * @param consumer receives each callback
     */
    public void replay(Consumer<CallbackEvent> consumer) {
        received().forEach(consumer);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
                reply(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            CallbackEvent event;
            try {
                event = verifier.verify(exchange.getRequestHeaders().getFirst(CallbackVerifier.HEADER), body);
            } catch (CallbackVerifier.CallbackAuthException e) {
                reply(exchange, 401, "{\"error\":\"bad callback auth\"}");
                return;
            } catch (RuntimeException e) {
                reply(exchange, 400, "{\"error\":\"neither a task nor a batch callback\"}");
                return;
            }
            boolean isNew = remember(event);
            deliveries.incrementAndGet();
            reply(exchange, 200, "{\"ok\":true}");
            if (isNew) {
                handlers.execute(() -> {
                    try {
                        handler.handle(event);
                    } catch (RuntimeException e) {
                        SdkLog.info("the callback handler failed on " + event.subject() + ": " + e);
                    }
                });
            }
        }
    }

    private synchronized boolean remember(CallbackEvent event) {
        Instant now = clock.instant();
        for (Iterator<Seen> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().at().plus(window).isBefore(now)) {
                it.remove();
            } else {
                break; // arrival order: the rest are younger
            }
        }
        return seen.putIfAbsent(dedupeKey(event), new Seen(event, now)) == null;
    }

    /** Same subject, same status, same completion time: the same event delivered twice. */
    static String dedupeKey(CallbackEvent event) {
        String completedAt = "";
        if (event instanceof CallbackEvent.TaskEvent t
                && t.callback().task() != null
                && t.callback().task().completedAt() != null) {
            completedAt = t.callback().task().completedAt().toString();
        } else if (event instanceof CallbackEvent.BatchEvent b
                && b.callback().batch() != null
                && b.callback().batch().completedAt() != null) {
            completedAt = b.callback().batch().completedAt().toString();
        }
        String kind = event instanceof CallbackEvent.TaskEvent ? "task" : "batch";
        return kind + "|" + event.subject() + "|" + event.status() + "|" + completedAt;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Stops listening and lets queued handler calls finish. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdown();
    }
}
