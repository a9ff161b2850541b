package dev.scaletoolkit.client.internal;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The SDK's log: SLF4J when the application has a binding, otherwise standard error when {@code SCALE_LOG} is
 * {@code debug} or {@code info} (for programs without a logging setup), otherwise nothing. Callers never pass a
 * key, a secret or a request body here.
 */
public final class SdkLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.scaletoolkit.client");
    private static final int FALLBACK = fallbackLevel(System.getenv("SCALE_LOG"));
    private static final boolean BOUND = !(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory)
            && !LoggerFactory.getILoggerFactory().getClass().getName().contains("NOP");

    private SdkLog() {}

    /** 2 = debug, 1 = info, 0 = off. */
    static int fallbackLevel(String value) {
        if (value == null) {
            return 0;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "debug", "trace" -> 2;
            case "info" -> 1;
            default -> 0;
        };
    }

    /**
     * Whether debug lines are written anywhere, so callers can skip building them otherwise.
     *
     * @return true when debug is on
     */
    public static boolean isDebugEnabled() {
        return BOUND ? LOG.isDebugEnabled() : FALLBACK >= 2;
    }

    /**
     * Logs one line per HTTP attempt.
     *
     * @param message the line, without keys or bodies
     */
    public static void debug(String message) {
        if (BOUND) {
            LOG.debug(message);
        } else if (FALLBACK >= 2) {
            System.err.println("[scale-client] DEBUG " + message);
        }
    }

    /**
     * Logs one line per retry and other events a user wants to see.
     *
     * @param message the line, without keys or bodies
     */
    public static void info(String message) {
        if (BOUND) {
            LOG.info(message);
        } else if (FALLBACK >= 1) {
            System.err.println("[scale-client] INFO " + message);
        }
    }
}
