package dev.scaletoolkit.mcp;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wraps the SDK's streamable-HTTP servlet so that every error it answers is a plain JSON-RPC error. The SDK writes
 * its errors by serialising the whole Java exception (class names, stack frames) and passes some through the
 * container's error page; a body of {@code null}, or a GET without a session, showed the emulator's internals to any
 * caller. Here those answers keep their status, and their body becomes {@code {"jsonrpc":"2.0","id":null,"error":
 * {"code","message"}}} with a message that names the mistake but no internals.
 */
public final class JsonRpcErrorShield extends HttpServlet {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Words that only appear when a message carries Java internals. */
    private static final Pattern INTERNAL =
            Pattern.compile("Exception|java\\.|\\$|Cannot invoke|because \"|\\bat [a-z]|[a-z]+\\.[a-z]+\\.[A-Za-z]");

    /** The SDK's own default limit for one message. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final HttpServlet delegate;

    /** Shields {@code delegate} (the SDK's transport servlet). */
    public JsonRpcErrorShield(HttpServlet delegate) {
        this.delegate = delegate;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        delegate.init(config);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("POST") && !method.equals("DELETE")) {
            // HttpServlet answers a method it does not know (PATCH, made-up ones) with 501, as if we were broken.
            resp.setStatus(405);
            resp.setHeader("Allow", "GET, POST, DELETE");
            resp.setContentType("application/json");
            resp.getWriter()
                    .write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"
                            + "\"message\":\"The MCP endpoint takes GET, POST and DELETE.\"}}");
            return;
        }
        ErrorCapture capture = new ErrorCapture(resp);
        HttpServletRequest forward = req;
        if (req.getMethod().equals("POST")) {
            // The SDK fails with a 500 on a body that is JSON but not an object (null, 42, "x"): refuse those here.
            byte[] body = req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            String problem = body.length > MAX_BODY_BYTES ? "too large" : problem(body);
            if (problem != null) {
                capture.setStatus(body.length > MAX_BODY_BYTES ? 413 : 400);
                capture.getWriter()
                        .write("{\"error\":{\"code\":" + (problem.startsWith("not JSON") ? -32700 : -32600)
                                + ",\"message\":" + JSON.writeValueAsString("The body is " + problem + ".") + "}}");
                capture.finish();
                return;
            }
            forward = new ReplayedBody(req, body);
        }
        delegate.service(forward, capture);
        capture.finish();
    }

    /** What is wrong with a POST body for JSON-RPC, or null when it is a JSON object the SDK can take. */
    static String problem(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "not JSON; send one JSON-RPC message as a JSON object";
        }
        if (node == null || node.isMissingNode() || !node.isObject()) {
            return "not a JSON-RPC message; send one JSON object with \"jsonrpc\": \"2.0\" and a \"method\"";
        }
        return null;
    }

    /** The request with its body already read, served again from memory to the SDK. */
    public static final class ReplayedBody extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        /** {@code request} with {@code body}, already read from it, to be read again. */
        public ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    @Override
    public void destroy() {
        delegate.destroy();
        super.destroy();
    }

    /** The JSON-RPC error body for {@code status}, from what the SDK wrote (which may be null or not JSON). */
    static String errorBody(int status, String written) {
        int code = status == 404 ? -32001 : status >= 500 ? -32603 : -32600;
        String message = null;
        try {
            JsonNode node = written == null || written.isBlank() ? null : JSON.readTree(written);
            JsonNode error =
                    node == null ? null : node.has("jsonRpcError") ? node.get("jsonRpcError") : node.get("error");
            if (error != null && error.isObject()) {
                code = error.path("code").canConvertToInt() ? error.path("code").asInt() : code;
                message =
                        error.path("message").isString() ? error.path("message").asString() : null;
            } else if (node != null && node.path("error").isString()) {
                message = node.path("error").asString();
            }
        } catch (RuntimeException notJson) {
            message = null;
        }
        if (message == null
                || message.length() > 300
                || INTERNAL.matcher(message).find()) {
            message = generic(status);
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("jsonrpc", "2.0");
        out.putNull("id");
        ObjectNode error = out.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return JSON.writeValueAsString(out);
    }

    private static String generic(int status) {
        return switch (status) {
            case 400 ->
                "The body is not a valid JSON-RPC message: send a JSON object with \"jsonrpc\": \"2.0\","
                        + " a \"method\" and, for a request, an \"id\".";
            case 404 -> "Session not found: send initialize first, then the Mcp-Session-Id header it returns.";
            case 405 -> "Method not allowed on the MCP endpoint.";
            case 413 -> "The message is larger than the MCP endpoint accepts.";
            default -> "The MCP request could not be processed (HTTP " + status + ").";
        };
    }

    /** Holds back the body of an error answer so that it can be replaced; success bodies stream through untouched. */
    private static final class ErrorCapture extends HttpServletResponseWrapper {
        private int status = 200;
        private StringWriter held;
        private PrintWriter heldWriter;

        ErrorCapture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            super.setStatus(sc);
            writer().write(msg == null ? "" : "{\"error\":" + JSON.writeValueAsString(msg) + "}");
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return status >= 400 ? writer() : super.getWriter();
        }

        private PrintWriter writer() {
            if (heldWriter == null) {
                held = new StringWriter();
                heldWriter = new PrintWriter(held);
            }
            return heldWriter;
        }

        void finish() throws IOException {
            if (held == null || status < 400) {
                return;
            }
            heldWriter.flush();
            HttpServletResponse real = (HttpServletResponse) getResponse();
            if (real.isCommitted()) {
                return;
            }
            byte[] body = errorBody(status, held.toString()).getBytes(StandardCharsets.UTF_8);
            real.resetBuffer();
            real.setContentType("application/json; charset=utf-8");
            real.setContentLength(body.length);
            real.getOutputStream().write(body);
        }
    }
}
