package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Before logback starts, {@link LazyLogbackProvider} answers "is this level on?" from {@link LogLevels}: the
 * answer must be the one logback gives once {@link LogSetup} has configured it, or a message would be dropped
 * (or logback started for nothing).
 */
class LogLevelsTest {
    @Test
    void levelsBeforeLogbackStartsAreLogbacksOwn() {
        LoggerContext logback = new LoggerContext();
        new LogSetup().configure(logback);
        for (String name : List.of(
                Logger.ROOT_LOGGER_NAME,
                "dev.scaletoolkit.client",
                "dev.scaletoolkit.client.internal.Transport",
                "dev.scaletoolkit.client$Retry",
                "dev.scaletoolkit.clientele",
                "dev.scaletoolkit.cli.UpCommand",
                "org.eclipse.jetty.server.Server",
                "org.eclipse.jettyish",
                "com.zaxxer.hikari.pool.HikariPool",
                "org.flywaydb.core.Flyway",
                "io.modelcontextprotocol.server.McpAsyncServer",
                "com.networknt.schema.SchemaRegistry")) {
            Level ours = LogLevels.effective(name, LogLevels.named());
            assertThat(ours.name())
                    .as(name)
                    .isEqualTo(logback.getLogger(name).getEffectiveLevel().toString());
        }
    }
}
