package dev.scaletoolkit.client.internal;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's log: SLF4J when the application has a provider (a binding), otherwise standard error when
 * {@code SCALE_LOG} is {@code debug} or {@code info} (for programs without a logging setup), otherwise nothing.
 * Callers never pass a key, a secret or a request body here.
 *
 * <p>Without a provider the SDK does not touch SLF4J's {@code LoggerFactory} at all: that is what prints SLF4J's
 * "No SLF4J providers were found" warning, and a library must not make an application print warnings about a
 * logging choice the application did not make (it may log through something else, or not at all). An application
 * that has a provider gets the SDK's lines through it, as usual.
 */
public final class SdkLog {
    private static final int FALLBACK = fallbackLevel(System.getenv("SCALE_LOG"));
    private static final boolean BOUND = hasProvider();
    private static final Logger LOG = BOUND ? LoggerFactory.getLogger("dev.scaletoolkit.client") : null;

    private SdkLog() {}

    /**
     * Whether SLF4J would find a provider: an SLF4J 2 service provider, one named by {@code slf4j.provider}, or an
     * SLF4J 1.7 binding (an application may pin the older API).
     */
    static boolean hasProvider() {
        ClassLoader loader = LoggerFactory.class.getClassLoader();
        String explicit = System.getProperty("slf4j.provider");
        if (explicit != null && !explicit.isBlank()) {
            return true;
        }
        try {
            if (java.util.ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class, loader)
                    .iterator()
                    .hasNext()) {
                return true;
            }
        } catch (LinkageError | java.util.ServiceConfigurationError e) {
            // SLF4J 1.7's API has no service providers; its bindings are checked below
        }
        try {
            Class.forName("org.slf4j.impl.StaticLoggerBinder", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

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
