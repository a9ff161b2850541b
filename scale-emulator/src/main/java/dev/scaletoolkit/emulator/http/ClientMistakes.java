package dev.scaletoolkit.emulator.http;

import dev.scaletoolkit.emulator.error.ApiError;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;

/**
 * Tells a client's mistake from the emulator's own fault among the exceptions that escape a route. Jetty reports a
 * query that is not UTF-8, a form body that does not decode or is too large, or a multipart body without a boundary
 * by throwing from {@code getParameter}; a bogus charset surfaces as a charset exception. Those are the caller's to
 * fix, so they become a 4xx naming what was wrong, and are never logged with a stack trace.
 */
public final class ClientMistakes {
    private ClientMistakes() {}

    /** The error to answer with when {@code e} was caused by the request itself; empty when it is our fault. */
    public static Optional<ApiError> of(Throwable e) {
        int code = 0;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsupportedCharsetException || t instanceof IllegalCharsetNameException) {
                return Optional.of(
                        new ApiError(
                                415,
                                "The Content-Type names a charset this server does not know; send the body as UTF-8 (charset=utf-8)."));
            }
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                // The innermost HTTP code is the precise one (a 413 for a large form inside a generic 400).
                code = http.getCode();
            }
        }
        if (code == 0) {
            return Optional.empty();
        }
        return Optional.of(new ApiError(code, describe(code, e)));
    }

    private static String describe(int code, Throwable e) {
        String text = chainText(e);
        if (code == 413) {
            return "The form body is larger than this server accepts (200,000 bytes); send large requests as JSON.";
        }
        if (text.contains("query")) {
            return "The query string is not valid percent-encoded UTF-8.";
        }
        if (text.contains("multipart")) {
            return "The body is declared as multipart/form-data but is not valid multipart (a boundary is required);"
                    + " this endpoint takes JSON.";
        }
        if (text.contains("form")) {
            return "The form body is not valid percent-encoded UTF-8 (application/x-www-form-urlencoded).";
        }
        return "The request could not be read (HTTP " + code + ").";
    }

    private static String chainText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(' ').append(t.getMessage());
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
