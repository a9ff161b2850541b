package dev.scaletoolkit.emulator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The emulator's database: SQLite in WAL mode by default, PostgreSQL when given a {@code jdbc:postgresql:} URL.
 *
 * <p>Every write runs in {@link #write}, which commits before returning, so a route answers 200 only after its
 * change is durable. Writes are serialised in-process because SQLite has a single writer and upgrading a read
 * transaction to a write one fails instead of waiting; readers never wait for writers. Writes that arrive together
 * share one transaction and one commit ({@link GroupCommit}), each still answered only after that commit.
 */
public final class Database implements AutoCloseable {
    /**
     * How SQLite syncs a commit. FULL syncs the write-ahead log at every commit, so a commit survives a power cut;
     * NORMAL syncs only at checkpoints, so a commit survives a killed process but the last ones may be lost to a
     * power cut. With group commit one sync serves every write of a group.
     */
    public enum Sync {
        FULL,
        NORMAL
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final GroupCommit writes;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.writes = new GroupCommit(jdbi);
        this.postgres = postgres;
    }

    /** Opens (creating if needed) the SQLite database {@code scale.db} in {@code dataDir} and migrates it. */
    public static Database sqlite(Path dataDir) {
        return sqlite(dataDir, Sync.FULL);
    }

    /** As {@link #sqlite(Path)}, choosing how commits are synced to disk. */
    public static Database sqlite(Path dataDir, Sync sync) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + dataDir.resolve("scale.db").toAbsolutePath() + "?journal_mode=WAL&synchronous="
                + sync.name() + "&busy_timeout=15000&foreign_keys=true";
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
            // Loading Flyway costs more than the rest of start-up; on a current schema there is nothing for it to do.
            if (!SchemaCheck.isCurrent(dataSource)) {
                Migrations.run(dataSource);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, postgres);
    }

    /**
     * Runs {@code work} in a committed transaction, serialised with every other write of this process, and returns
     * only after the commit. The transaction may hold other callers' writes too; a {@code work} that throws is
     * rolled back alone (its own savepoint), and a write started inside {@code work} joins it.
     */
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        return writes.write(work);
    }

    /** Writes queued behind the commit in progress. */
    int waitingWrites() {
        return writes.waiting();
    }

    /** Commits and writes since open, {@code [commits, writes]}; writes / commits is the mean group size. */
    public long[] writeCounts() {
        return writes.counts();
    }

    /** Runs {@code work} on a connection of its own; use for reads. */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /** Work on a plain JDBC connection. */
    @FunctionalInterface
    public interface ConnectionWork<R> {
        R run(java.sql.Connection c) throws java.sql.SQLException;
    }

    /**
     * Runs a read on a pooled connection without a Jdbi handle, for the reads every get and listing makes: opening
     * and closing a handle (it copies Jdbi's configuration) cost about a quarter of a get.
     */
    public <R> R readConnection(ConnectionWork<R> work) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        }
    }

    /** Opens a raw handle for callers that manage it themselves (tests, the control plane). */
    public Handle open() {
        return jdbi.open();
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Flyway, in a class of its own so that a start on a current schema never loads it. */
    private static final class Migrations {
        static void run(javax.sql.DataSource dataSource) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:" + SchemaCheck.LOCATION)
                    .load()
                    .migrate();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
