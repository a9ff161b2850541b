package dev.scaletoolkit.emulator.http;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.model.jackson.ScaleJson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves one {@link Router} under a path prefix and turns every outcome into Scale's wire format: 200 with JSON
 * on success, {@code {"status_code", "error"}} on failure. Unexpected exceptions are logged with a reference and
 * answered with a 500 that carries only that reference, never a stack trace.
 */
public final class ApiServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    public static final String VERSION_HEADER = "Scale-Emulator-Version";
    /** The toolkit version this emulator was built as (the build fills in {@code scale/emulator/version.properties}). */
    public static final String VERSION = loadVersion();

    private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;
    /** Set by a route that streamed the body itself (an upload), so what is left of it is small and worth draining. */
    public static final String BODY_STREAMED = "scale.bodyStreamed";

    private final String prefix;
    private final Router router;
    private final Function<HttpServletRequest, Caller> authenticator;
    private final FaultPlan faults;

    /**
     * @param prefix the mount path, such as {@code /v1}
     * @param authenticator resolves the caller of a route that needs one; throws {@link ApiError} when it cannot
     * @param faults fault plan to apply, or null for none (the control plane itself)
     */
    public ApiServlet(
            String prefix, Router router, Function<HttpServletRequest, Caller> authenticator, FaultPlan faults) {
        this.prefix = prefix;
        this.router = router;
        this.authenticator = authenticator;
        this.faults = faults;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader(VERSION_HEADER, VERSION);
        String method = req.getMethod();
        String path = relativePath(req);
        boolean background = FaultPlan.isBackground(req.getHeader("User-Agent"));
        try {
            if (faults != null) {
                applyFault(
                        faults.take(FaultPlan.Phase.BEFORE, method, path, background)
                                .orElse(null),
                        false);
            }
            Router.Match match = router.match(method, path);
            // Like Scale's gateway, a request without a valid key gets 401 before any 404.
            Caller caller = match.route() == null || match.route().needsAuth() ? authenticator.apply(req) : null;
            if (match.route() == null) {
                throw match.pathKnown()
                        ? new ApiError(405, "Method " + method + " is not allowed on " + prefix + path + ".")
                        : ApiError.notFound("Not found: no route for " + method + " " + prefix + path + ".");
            }
            Object result = match.route().handler().handle(new ApiRequest(req, caller, match.params()));
            if (faults != null) {
                applyFault(
                        faults.take(FaultPlan.Phase.AFTER_COMMIT, method, path, background)
                                .orElse(null),
                        true);
            }
            drainUnreadBody(req, resp);
            writeSuccess(resp, result);
        } catch (ApiError e) {
            drainUnreadBody(req, resp);
            closeAfterBrokenMultipart(req, resp);
            writeError(resp, e.status(), e.getMessage(), e.headers());
        } catch (Exception e) {
            ApiError mistake = ClientMistakes.of(e).orElse(null);
            if (mistake != null) {
                drainUnreadBody(req, resp);
                closeAfterBrokenMultipart(req, resp);
                writeError(resp, mistake.status(), mistake.getMessage(), mistake.headers());
                return;
            }
            String reference = RequestIds.of(req);
            LOG.error("Unexpected error on {} {}{} (reference {})", method, prefix, path, reference, e);
            writeError(resp, 500, "Internal server error (reference " + reference + ").", Map.of());
        }
    }

    /**
     * Reads what the route left of the request body (routes that ignore their body, or that failed before reading
     * it). Jetty closes a connection whose request was not read to the end, and a client that reuses it from its
     * pool then sees the connection drop instead of its next answer. Bodies beyond the bound are not worth keeping
     * the connection for.
     */
    private static void drainUnreadBody(HttpServletRequest req, HttpServletResponse resp) {
        // A body larger than we would read is refused at once; the connection cannot be reused after it, and the
        // answer says so rather than leaving the client to find out on its next request.
        if (req.getContentLengthLong() > MAX_DRAIN_BYTES && req.getAttribute(BODY_STREAMED) == null) {
            resp.setHeader("Connection", "close");
            return;
        }
        if (req.getContentLengthLong() == 0
                || (req.getContentLengthLong() < 0 && req.getHeader("Transfer-Encoding") == null)) {
            return; // no body was sent (most GETs): nothing to drain, and no buffer to allocate
        }
        try {
            java.io.InputStream in = req.getInputStream();
            byte[] buf = new byte[8 * 1024];
            long total = 0;
            int n = 0;
            while (total < MAX_DRAIN_BYTES && (n = in.read(buf)) != -1) {
                total += n;
            }
            if (n != -1) {
                resp.setHeader("Connection", "close");
            }
        } catch (IOException | IllegalStateException e) {
            // already read as parameters or parts, or the client went away: nothing left to drain
        }
    }

    /**
     * A multipart body that failed (malformed, a part too large) cannot be read to its end, so Jetty closes the
     * connection after the answer; the answer says so, and a keep-alive client does not send its next request into
     * a closed socket.
     */
    private static void closeAfterBrokenMultipart(HttpServletRequest req, HttpServletResponse resp) {
        String type = req.getContentType();
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10) && !resp.isCommitted()) {
            resp.setHeader("Connection", "close");
        }
    }

    private static void applyFault(FaultPlan.Rule rule, boolean afterCommit) throws InterruptedException {
        if (rule == null) {
            return;
        }
        if (rule.latencyMillis() > 0) {
            Thread.sleep(rule.latencyMillis());
        }
        if (rule.status() == 0) {
            return;
        }
        Map<String, String> headers = rule.retryAfterSeconds() > 0
                ? Map.of("Retry-After", Integer.toString(rule.retryAfterSeconds()))
                : Map.of();
        String message = switch (rule.status()) {
            case 429 -> "Too Many Requests";
            case 503 -> "Server Timeout From Request Queueing";
            case 504 -> "Server Timeout Error";
            default ->
                afterCommit
                        ? "Internal Server Error (injected after the change was committed)"
                        : "Internal Server Error (injected)";
        };
        throw new ApiError(rule.status(), message, headers);
    }

    private String relativePath(HttpServletRequest req) {
        // The raw URI keeps %2F inside a name from being read as a separator.
        String uri = req.getRequestURI();
        String context = req.getContextPath() == null ? "" : req.getContextPath();
        String path = uri.substring(Math.min(uri.length(), context.length()));
        if (path.startsWith(prefix)) {
            path = path.substring(prefix.length());
        }
        return path.isEmpty() ? "/" : path;
    }

    private static void writeSuccess(HttpServletResponse resp, Object result) throws IOException {
        resp.setStatus(200);
        if (result instanceof Reply reply) {
            writeReply(resp, reply);
            return;
        }
        byte[] body = ScaleJson.mapper().writeValueAsBytes(result);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    private static void writeReply(HttpServletResponse resp, Reply reply) throws IOException {
        if (reply instanceof Reply.Text t) {
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write(t.body().getBytes(StandardCharsets.UTF_8));
        } else if (reply instanceof Reply.Bytes b) {
            resp.setContentType(b.contentType());
            resp.setContentLength(b.body().length);
            resp.getOutputStream().write(b.body());
        } else if (reply instanceof Reply.FileBody f) {
            resp.setContentType(f.contentType());
            resp.setContentLengthLong(Files.size(f.path()));
            Files.copy(f.path(), resp.getOutputStream());
        } else if (reply instanceof Reply.Stream s) {
            resp.setContentType(s.contentType());
            try (OutputStream out = new java.io.BufferedOutputStream(resp.getOutputStream(), 64 * 1024)) {
                s.writer().writeTo(out);
            }
        } else if (reply instanceof Reply.Redirect r) {
            resp.setStatus(302);
            resp.setHeader("Location", r.location());
        }
    }

    /** Writes Scale's error envelope. */
    public static void writeError(HttpServletResponse resp, int status, String message, Map<String, String> headers)
            throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        resp.setStatus(status);
        headers.forEach(resp::setHeader);
        ObjectNode body = ScaleJson.mapper().createObjectNode();
        body.put("status_code", status);
        body.put("error", message);
        byte[] bytes = ScaleJson.mapper().writeValueAsBytes(body);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static String loadVersion() {
        try (java.io.InputStream in = ApiServlet.class.getResourceAsStream("/scale/emulator/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}
