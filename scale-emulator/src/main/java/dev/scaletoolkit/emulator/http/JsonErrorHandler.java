package dev.scaletoolkit.emulator.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors that Jetty raises before a servlet runs (malformed URIs, oversized headers) in Scale's envelope instead
 * of an HTML page, and without a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger("dev.scaletoolkit.emulator.requests");

    /** Every method gets a body: Jetty's default writes one only for GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /**
     * Errors found while parsing the request line or headers (414, 431, a malformed request): Jetty closes the
     * connection after these, so the answer says so and a keep-alive client does not reuse it.
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        String text = reason == null || reason.isBlank() ? reason(status) : reason;
        LOG.info("request refused while parsing -> {}: {}", status, text);
        return ByteBuffer.wrap(json(status, text).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        String text = message == null || message.isBlank() || internal(message) ? reason(code) : message;
        if (code == 500) {
            // An exception escaped a servlet: our fault. Its text stays in the log, under a reference.
            String reference = Long.toHexString(System.nanoTime());
            LOG.error(
                    "Unexpected error on {} {} (reference {})",
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    reference,
                    cause);
            text = "Internal server error (reference " + reference + ").";
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        if (code == 414
                || code == 431
                || code == 505
                || !request.getConnectionMetaData().isPersistent()) {
            // Jetty drops the connection after a request line or headers it could not parse: say so.
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            // These never reach the servlets (nor their request log), so they get their line here.
            LOG.info("request {} refused before routing -> {}: {}", request.getMethod(), code, text);
        }
        response.write(true, ByteBuffer.wrap(json(code, text).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** Whether a message carries Java internals (an exception's text) rather than words for a client. */
    private static boolean internal(String message) {
        return message.contains("Exception") || message.contains("java.") || message.contains("\tat ");
    }

    private static String json(int code, String text) {
        return "{\"status_code\":" + code + ",\"error\":\"" + escape(text) + "\"}";
    }

    private static String reason(int code) {
        return switch (code) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 505 -> "HTTP Version Not Supported";
            default -> "HTTP " + code;
        };
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
