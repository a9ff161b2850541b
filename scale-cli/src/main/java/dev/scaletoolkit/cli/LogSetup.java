package dev.scaletoolkit.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logging for the {@code scale} command, set up in code rather than in logback.xml: parsing XML loads several
 * hundred classes, a visible share of a command's start. Logs go to stderr, because stdout carries MCP's JSON-RPC
 * stream and the CLI's results; the levels are {@link LogLevels}'. Logback itself starts only when something is
 * logged at a level that is on ({@link LazyLogbackProvider}).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(LogLevels.ROOT.name()));
        root.addAppender(stderr);
        LogLevels.named().forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level.name())));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
