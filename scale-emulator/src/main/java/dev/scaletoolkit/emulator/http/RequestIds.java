package dev.scaletoolkit.emulator.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every request's id: the caller's own {@code X-Request-Id} when it sends a sane one, otherwise 16 random hex digits.
 * The id goes back in the answer's header, in the log line of a failed request and in the {@code reference} of a
 * 500, so one id ties them together.
 */
public final class RequestIds {
    /** The header that carries the id both ways. */
    public static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    /** Gives {@code req} its id (once, at the outermost filter) and sets the answer header; returns the id. */
    public static String assign(HttpServletRequest req, HttpServletResponse resp) {
        String given = req.getHeader(HEADER);
        String id = given != null && SANE_ID.matcher(given).matches()
                ? given
                : hex16(ThreadLocalRandom.current().nextLong());
        req.setAttribute(ATTRIBUTE, id);
        resp.setHeader(HEADER, id);
        return id;
    }

    /** The id of the request being served (the one in its {@code X-Request-Id} answer header). */
    public static String of(HttpServletRequest req) {
        Object id = req.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : hex16(ThreadLocalRandom.current().nextLong());
    }

    /** 16 hex digits, zero-padded (String.format parses its pattern on every call, and this runs on every request). */
    private static String hex16(long v) {
        String h = Long.toHexString(v);
        return h.length() == 16 ? h : "0".repeat(16 - h.length()) + h;
    }
}
