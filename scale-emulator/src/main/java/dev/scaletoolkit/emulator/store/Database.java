package dev.scaletoolkit.emulator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The emulator's database: SQLite in WAL mode by default, PostgreSQL when given a {@code jdbc:postgresql:} URL.
 *
 * <p>Every write runs in {@link #write}, which commits before returning, so a route answers 200 only after its
 * change is durable. Writes are serialised in-process because SQLite has a single writer and upgrading a read
 * transaction to a write one fails instead of waiting; readers never take the lock.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.postgres = postgres;
    }

    /** Opens (creating if needed) the SQLite database {@code scale.db} in {@code dataDir} and migrates it. */
    public static Database sqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        // In WAL mode, synchronous=NORMAL survives a killed process (only power loss can drop the last commits).
        String url = "jdbc:sqlite:" + dataDir.resolve("scale.db").toAbsolutePath()
                + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=15000&foreign_keys=true";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("scale-emulator-sqlite");
        config.setMaximumPoolSize(8);
        return open(config, false);
    }

    /** Opens a PostgreSQL database (for several emulator nodes sharing one store) and migrates it. */
    public static Database postgres(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("scale-emulator-pg");
        config.setMaximumPoolSize(16);
        return open(config, true);
    }

    private static Database open(HikariConfig config, boolean postgres) {
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, postgres);
    }

    /** Runs {@code work} in one committed transaction, serialised with every other write of this process. */
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        writeLock.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a connection of its own; use for reads. */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /** Opens a raw handle for callers that manage it themselves (tests, the control plane). */
    public Handle open() {
        return jdbi.open();
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
