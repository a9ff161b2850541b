package dev.scaletoolkit.emulator.journal;

import dev.scaletoolkit.emulator.http.ApiServlet;
import dev.scaletoolkit.emulator.http.ClientMistakes;
import dev.scaletoolkit.emulator.http.RequestIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id ({@code X-Request-Id}, the caller's own when it sends a sane one), writes one log line
 * per failed request with that id, and records {@code /v1} requests in the {@link RequestJournal}. A client's
 * mistake is one line without a stack trace; only the emulator's own faults (5xx) are logged with one, by the
 * servlet that caught them.
 */
public final class JournalFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger("dev.scaletoolkit.emulator.requests");
    /** The header that carries a request's id both ways. */
    public static final String REQUEST_ID_HEADER = RequestIds.HEADER;

    private final RequestJournal journal;
    private final Clock clock;

    JournalFilter(RequestJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** Puts the filter in front of everything {@code servlets} serves. */
    public static void install(ServletContextHandler servlets, RequestJournal journal, Clock clock) {
        FilterHolder holder = new FilterHolder(new JournalFilter(journal, clock));
        holder.setName("scale-request-journal");
        holder.setAsyncSupported(true);
        servlets.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    /** The id of the request being served (the one in its {@code X-Request-Id} answer header). */
    public static String requestId(HttpServletRequest req) {
        return RequestIds.of(req);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String id = RequestIds.assign(req, resp);
        String uri = req.getRequestURI();
        boolean journaled = uri.startsWith("/v1/") || uri.equals("/v1");
        boolean plainJson = journaled || uri.startsWith("/_emulator");
        Instant start = clock.instant();
        long started = System.nanoTime();
        BodyCapture.Request capturedReq = plainJson ? new BodyCapture.Request(req) : null;
        BodyCapture.Response capturedResp = plainJson ? new BodyCapture.Response(resp) : null;
        try {
            try {
                chain.doFilter(plainJson ? capturedReq : req, plainJson ? capturedResp : resp);
            } catch (RuntimeException | ServletException | IOException e) {
                // A mounted servlet (MCP, the gateway) that trips over a bogus charset or a query that does not
                // decode failed on the caller's mistake: answer a 4xx here instead of letting Jetty log a 500.
                var mistake = ClientMistakes.of(e);
                if (mistake.isEmpty() || resp.isCommitted()) {
                    throw e;
                }
                resp.resetBuffer();
                ApiServlet.writeError(
                        resp, mistake.get().status(), mistake.get().getMessage(), java.util.Map.of());
            }
        } finally {
            record(req, resp, id, uri, journaled, start, started, capturedReq, capturedResp);
        }
    }

    /** Bookkeeping after the answer; it never turns an answered request into a failure. */
    private void record(
            HttpServletRequest req,
            HttpServletResponse resp,
            String id,
            String uri,
            boolean journaled,
            Instant start,
            long started,
            BodyCapture.Request capturedReq,
            BodyCapture.Response capturedResp) {
        try {
            if (capturedResp != null) {
                capturedResp.finish();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            int status = resp.getStatus();
            String answer = capturedResp == null ? null : capturedResp.tee.text();
            if (status >= 400) {
                logFailure(id, req, status, millis, answer);
            }
            if (journaled) {
                journal.add(new JournalEntry(
                        0,
                        id,
                        start,
                        req.getMethod(),
                        uri,
                        req.getQueryString(),
                        status,
                        millis,
                        requestBody(req, capturedReq),
                        answer));
            }
        } catch (RuntimeException e) {
            LOG.warn("request {}: could not record it in the journal ({})", id, e.toString());
        }
    }

    private static void logFailure(String id, HttpServletRequest req, int status, long millis, String answer) {
        String why = errorOf(answer);
        String line = "request {} {} {} -> {} in {} ms{}";
        Object[] args = {id, req.getMethod(), Redaction.text(req.getRequestURI()), status, millis, why};
        if (status >= 500) {
            LOG.warn(line, args);
        } else {
            LOG.info(line, args);
        }
    }

    /** The "error" of a Scale-shaped answer, for the log line; secrets removed. */
    private static String errorOf(String answer) {
        if (answer == null || !answer.startsWith("{")) {
            return "";
        }
        try {
            var node = dev.scaletoolkit.model.jackson.ScaleJson.mapper().readTree(answer);
            String error = node.path("error").isString() ? node.path("error").asString() : null;
            if (error == null) {
                return "";
            }
            String oneLine = error.replaceAll("[\\r\\n\\t]+", " ");
            return ": " + Redaction.text(oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine);
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    /** The request body as the journal shows it: the streamed bytes, the form fields, or a note for uploads. */
    private static String requestBody(HttpServletRequest req, BodyCapture.Request captured) {
        // The raw header: Jetty's getContentType() throws on an unknown charset.
        String header = req.getHeader("Content-Type");
        String type = header == null ? "" : header.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            return "[multipart body, " + Math.max(0, req.getContentLengthLong()) + " bytes]";
        }
        if (type.startsWith("application/x-www-form-urlencoded") && captured.tee.total() == 0) {
            // Jetty parsed the form itself, past the wrapper: show the fields it read.
            try {
                StringBuilder b = new StringBuilder();
                for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
                    for (String v : e.getValue()) {
                        b.append(b.length() == 0 ? "" : "&")
                                .append(e.getKey())
                                .append('=')
                                .append(v);
                    }
                }
                return b.length() == 0 ? null : b.toString();
            } catch (RuntimeException unreadable) {
                return "[form body that could not be read]";
            }
        }
        return captured.tee.text();
    }
}
