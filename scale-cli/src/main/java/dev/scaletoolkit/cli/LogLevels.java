package dev.scaletoolkit.cli;

import java.util.Map;
import org.slf4j.event.Level;

/**
 * The {@code scale} command's log levels, in one table that both {@link LogSetup} (configuring logback) and
 * {@link LazyLogbackProvider} (answering "is this level on?" before logback starts) read, so the two cannot
 * disagree. Free of logback classes on purpose: reading it must not load them.
 */
final class LogLevels {
    /** Everything not named below. */
    static final Level ROOT = Level.INFO;

    private LogLevels() {}

    /** Loggers (and their children) with a level of their own. */
    static Map<String, Level> named() {
        // The SDK logs each retry at info. A command prints one clear line when Scale cannot be reached; the
        // retries behind it are shown only with SCALE_DEBUG (with every attempt). The chatty libraries speak only
        // of warnings.
        String debug = System.getenv("SCALE_DEBUG");
        return Map.of(
                "org.eclipse.jetty", Level.WARN,
                "com.zaxxer.hikari", Level.WARN,
                "org.flywaydb", Level.WARN,
                "dev.scaletoolkit.client", debug != null && !debug.isBlank() ? Level.DEBUG : Level.WARN);
    }

    /**
     * The level in force for {@code logger}, as logback works it out: the nearest named ancestor's, where names
     * are split at {@code .} and {@code $}, else the root's.
     */
    static Level effective(String logger, Map<String, Level> named) {
        Level found = ROOT;
        int matched = -1;
        for (Map.Entry<String, Level> e : named.entrySet()) {
            String prefix = e.getKey();
            boolean child = logger.equals(prefix)
                    || (logger.startsWith(prefix)
                            && (logger.charAt(prefix.length()) == '.' || logger.charAt(prefix.length()) == '$'));
            if (child && prefix.length() > matched) {
                found = e.getValue();
                matched = prefix.length();
            }
        }
        return found;
    }
}
