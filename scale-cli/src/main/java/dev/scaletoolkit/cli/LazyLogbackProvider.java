package dev.scaletoolkit.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The {@code scale} command's SLF4J provider: logback, started only when something is logged at a level that is
 * on. A short command that logs nothing (most of them: the SDK and the schema validator only ask whether debug is
 * on) then never loads logback's ~225 classes. Until logback starts, a logger answers "is this level on?" from
 * {@link LogLevels}, the same table {@link LogSetup} configures logback with; the first message that passes starts
 * logback (configured by {@link LogSetup}) and from then on every logger is logback's, so what is printed, and how,
 * is exactly what logback alone prints.
 *
 * <p>Chosen with SLF4J's {@code slf4j.provider} system property by {@link #choose()} when {@code ScaleCli} loads.
 */
public final class LazyLogbackProvider implements SLF4JServiceProvider {
    private static volatile LogbackServiceProvider logback;
    /** Where the caller's frames start, for logback's caller data: above the logging methods of SLF4J's base. */
    private static final String CALLER_BOUNDARY = "org.slf4j.helpers.AbstractLogger";

    private final Map<String, Level> named = LogLevels.named();
    private final Map<String, LazyLogger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, LazyLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new LazyMdc();

    /**
     * Makes SLF4J use this provider, unless one was chosen already (by {@code -Dslf4j.provider}); without a word
     * on stderr (SLF4J otherwise announces an explicitly chosen provider). Has no effect once SLF4J has started.
     */
    static void choose() {
        if (System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY) == null) {
            System.setProperty(LoggerFactory.PROVIDER_PROPERTY_KEY, LazyLogbackProvider.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    /**
     * Logback's context, started now if it was not: whichever provider SLF4J chose (this one, or logback's own
     * when SLF4J started before {@code ScaleCli} loaded, as in some tests).
     */
    public static LoggerContext context() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            return context;
        }
        return (LoggerContext) logback().getLoggerFactory();
    }

    /**
     * Starts logback now on a thread of its own, for a command that knows it will log soon. It does not touch
     * SLF4J itself: two threads starting SLF4J at once can make it print a warning.
     */
    static void startInBackground() {
        if (!LazyLogbackProvider.class.getName().equals(System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY))) {
            return;
        }
        Thread t = new Thread(LazyLogbackProvider::logback, "scale-log-start");
        t.setDaemon(true);
        t.start();
    }

    private static LogbackServiceProvider logback() {
        LogbackServiceProvider started = logback;
        if (started == null) {
            synchronized (LazyLogbackProvider.class) {
                started = logback;
                if (started == null) {
                    started = new LogbackServiceProvider();
                    started.initialize();
                    logback = started;
                }
            }
        }
        return started;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        // SLF4J asks for it at start; logback's own adapter (so logback sees the values) is fetched on first use
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    /** A logger by name that answers from {@link LogLevels} until logback starts, then is logback's. */
    private final class LazyLogger extends LegacyAbstractLogger implements LoggingEventAware {
        private static final long serialVersionUID = 1L;
        private final transient int threshold;
        private transient volatile Logger delegate;

        LazyLogger(String name) {
            this.name = name;
            this.threshold = LogLevels.effective(name, named).toInt();
        }

        /** Logback's logger once logback runs, else null. */
        private Logger started() {
            Logger d = delegate;
            if (d == null && logback != null) {
                d = logback.getLoggerFactory().getLogger(name);
                delegate = d;
            }
            return d;
        }

        private Logger start() {
            Logger d = started();
            if (d == null) {
                logback();
                d = started();
            }
            return d;
        }

        private boolean on(Level level) {
            Logger d = started();
            return d != null ? d.isEnabledForLevel(level) : level.toInt() >= threshold;
        }

        @Override
        public boolean isTraceEnabled() {
            return on(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return on(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return on(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return on(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return on(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return CALLER_BOUNDARY;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
            ((LocationAwareLogger) start()).log(marker, CALLER_BOUNDARY, level.toInt(), message, arguments, throwable);
        }

        @Override
        public void log(LoggingEvent event) {
            ((LoggingEventAware) start()).log(event);
        }
    }

    /** The MDC, kept by logback's adapter: using it starts logback (nothing in the command does). */
    private static final class LazyMdc implements MDCAdapter {
        private static MDCAdapter target() {
            return logback().getMDCAdapter();
        }

        @Override
        public void put(String key, String value) {
            target().put(key, value);
        }

        @Override
        public String get(String key) {
            return target().get(key);
        }

        @Override
        public void remove(String key) {
            target().remove(key);
        }

        @Override
        public void clear() {
            target().clear();
        }

        @Override
        public Map<String, String> getCopyOfContextMap() {
            return target().getCopyOfContextMap();
        }

        @Override
        public void setContextMap(Map<String, String> contextMap) {
            target().setContextMap(contextMap);
        }

        @Override
        public void pushByKey(String key, String value) {
            target().pushByKey(key, value);
        }

        @Override
        public String popByKey(String key) {
            return target().popByKey(key);
        }

        @Override
        public Deque<String> getCopyOfDequeByKey(String key) {
            return target().getCopyOfDequeByKey(key);
        }

        @Override
        public void clearDequeByKey(String key) {
            target().clearDequeByKey(key);
        }
    }
}
