package dev.scaletoolkit.triggers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** A SQLite file migrated with the gateway's migrations (ours among them), for tests. */
final class TestDatabase implements TriggersDatabase, AutoCloseable {
    private final HikariDataSource ds;
    private final Jdbi jdbi;
    private final ReentrantLock lock = new ReentrantLock();

    TestDatabase(Path file) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&busy_timeout=15000");
        config.setMaximumPoolSize(4);
        ds = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/gateway")
                .table("gateway_schema_history")
                .load()
                .migrate();
        jdbi = Jdbi.create(ds);
    }

    @Override
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        lock.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    @Override
    public void close() {
        ds.close();
    }
}
