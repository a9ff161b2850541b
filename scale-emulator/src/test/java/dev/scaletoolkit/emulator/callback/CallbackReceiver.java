package dev.scaletoolkit.emulator.callback;

import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * A real HTTP endpoint on 127.0.0.1 that records callback deliveries and answers with scripted statuses (200
 * once the script runs out).
 */
public final class CallbackReceiver implements AutoCloseable {
    /** One request as received. */
    public record Delivery(String method, String contentType, String authHeader, JsonNode body) {}

    private final HttpServer server;
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private CallbackReceiver(int port, List<Integer> statuses) {
        script.addAll(statuses);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("scale-callback-auth"),
                    ScaleJson.mapper().readTree(new String(bytes, StandardCharsets.UTF_8))));
            Integer status = script.poll();
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** Listens on a free port; answers each delivery with the next of {@code statuses}, then 200. */
    public static CallbackReceiver start(Integer... statuses) {
        return new CallbackReceiver(0, List.of(statuses));
    }

    /** Listens on {@code port} (to come back up where an earlier receiver was). */
    public static CallbackReceiver startOn(int port, Integer... statuses) {
        return new CallbackReceiver(port, List.of(statuses));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
