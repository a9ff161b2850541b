package dev.scaletoolkit.triggers;

import com.sun.net.httpserver.HttpServer;
import dev.scaletoolkit.client.webhook.WebhookSignature;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A webhook subscriber on a real port. While "down" it answers 503; it verifies each delivery's signature with
 * the SDK's verifier and keeps what it accepted, in arrival order.
 */
final class WebhookReceiver implements AutoCloseable {
    final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final HttpServer server;
    private volatile String secret;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!up.get()) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            try {
                WebhookSignature.verify(body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), secret);
            } catch (WebhookSignature.VerificationException e) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            accepted.add(ScaleJson.mapper().readTree(body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String s) {
        secret = s;
    }

    void up(boolean isUp) {
        up.set(isUp);
    }

    List<Long> ids() {
        return accepted.stream().map(j -> j.path("id").asLong()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
