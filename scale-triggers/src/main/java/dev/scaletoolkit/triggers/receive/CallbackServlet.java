package dev.scaletoolkit.triggers.receive;

import dev.scaletoolkit.gateway.connection.Connection;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.event.EventParser;
import dev.scaletoolkit.triggers.event.Events;
import dev.scaletoolkit.triggers.event.NewEvent;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /callbacks/{connection}}: receives Scale's callbacks for one connection. The
 * {@code scale-callback-auth} header must equal the connection's callback secret (compared in constant time, as
 * digests, so not even its length leaks); otherwise the answer is 401 and nothing is stored. The answer is 200 once
 * the event is committed, and a retried callback is stored only once.
 *
 * <p>An unknown connection gets the same 401 as a wrong secret, so the endpoint does not tell strangers which
 * connection names exist.
 */
public final class CallbackServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackServlet.class);
    /** Scale's task callbacks carry the whole response; a generous bound still stops a memory attack. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final transient Connections connections;
    private final transient Events events;

    public CallbackServlet(Connections connections, Events events) {
        this.connections = connections;
        this.events = events;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"POST".equals(req.getMethod())) {
            resp.setHeader("Allow", "POST");
            error(resp, 405, "Callbacks are received with POST /callbacks/{connection}.");
            return;
        }
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (name.isEmpty() || name.contains("/")) {
            error(resp, 404, "Callbacks go to /callbacks/{connection}, e.g. /callbacks/prod.");
            return;
        }
        Optional<Connection> connection = connections.get(name);
        String presented = req.getHeader("scale-callback-auth");
        if (connection.isEmpty() || !matches(presented, connection.get().callbackSecret())) {
            if (connection.isPresent() && connection.get().callbackSecret() == null) {
                LOG.warn(
                        "Refused a callback for connection '{}', which has no callback secret; set one with"
                                + " 'scale connections rotate'",
                        name);
            }
            error(
                    resp,
                    401,
                    "The scale-callback-auth header is missing or does not match this connection's callback secret.");
            return;
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            error(resp, 413, "The callback body is larger than " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        Optional<NewEvent> event;
        try {
            JsonNode json = ScaleJson.mapper().readTree(new String(body, StandardCharsets.UTF_8));
            event = EventParser.fromCallback(name, json);
        } catch (JacksonException e) {
            error(resp, 400, "The callback body is not valid JSON.");
            return;
        } catch (EventParser.NotAnEventException e) {
            error(resp, 400, "Parameter is invalid, reason: " + e.getMessage());
            return;
        }
        try {
            event.ifPresent(events::record);
        } catch (RuntimeException e) {
            // Not stored: a non-2xx makes Scale retry, and the retry is stored once.
            LOG.warn("Could not store a callback for connection '{}': {}", name, e.toString());
            error(resp, 503, "The event could not be stored just now; it will be accepted when Scale retries.");
            return;
        }
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        resp.getWriter().write("{\"received\":true}");
    }

    private static boolean matches(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented.trim()), sha256(expected));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        var out = ScaleJson.mapper().createObjectNode();
        out.put("status_code", status);
        out.put("error", message);
        resp.getWriter().write(ScaleJson.mapper().writeValueAsString(out));
    }
}
