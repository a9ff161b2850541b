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

/**
 * Errors that Jetty raises before a servlet runs (malformed URIs, oversized headers) in Scale's envelope instead
 * of an HTML page, and without a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {
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
        return ByteBuffer.wrap(json(status, text).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        String text = message == null || message.isBlank() ? reason(code) : message;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        if (code == 414 || code == 431 || !request.getConnectionMetaData().isPersistent()) {
            // Jetty drops the connection after a request line or headers it could not parse: say so.
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(json(code, text).getBytes(StandardCharsets.UTF_8)), callback);
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
