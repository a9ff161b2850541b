package dev.scaletoolkit.infra.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scaletoolkit.infra.schema.Migrations;
import dev.scaletoolkit.infra.schema.Schema;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * A module's database: a SQLite file in WAL mode, or PostgreSQL when several nodes share one store. Opening it
 * brings the module's schema up to date by the one rule of {@link Migrations}.
 *
 * <p>Every write runs in {@link #write}, which commits before returning, so a caller answers only after its change
 * is durable. Writes are serialised in-process because SQLite has a single writer and upgrading a read transaction
 * to a write one fails instead of waiting; readers never wait for writers. Writes that arrive together share one
 * transaction and one commit ({@link GroupCommit}), each still answered only after that commit.
 *
 * <p>Stores receive the Jdbi {@link Handle} of the read or write they run in; see {@link Rows} for the short
 * form of the statements every request runs.
 */
public final class Database implements AutoCloseable {
    /**
     * How SQLite syncs a commit. FULL syncs the write-ahead log at every commit, so a commit survives a power cut;
     * NORMAL syncs only at checkpoints, so a commit survives a killed process but the last ones may be lost to a
     * power cut. With group commit one sync serves every write of a group.
     */
    public enum Sync {
        /** Sync the log at every commit. */
        FULL,
        /** Sync only at checkpoints. */
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

    /** The JDBC URL of a SQLite file opened the way every module opens one. */
    public static String sqliteUrl(Path file, Sync sync) {
        return "jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&synchronous=" + sync.name()
                + "&busy_timeout=15000&foreign_keys=true";
    }

    /** Opens (creating if needed) the SQLite file {@code file} and brings it up to {@code schema}. */
    public static Database sqlite(Path file, Sync sync, Schema schema, int poolSize) {
        SqliteNative.prepare();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(sqliteUrl(file, sync));
        config.setPoolName("scale-" + schema.name() + "-sqlite");
        config.setMaximumPoolSize(poolSize);
        return open(config, schema, false);
    }

    /** Opens a PostgreSQL database and brings it up to {@code schema}. */
    public static Database postgres(String jdbcUrl, String user, String password, Schema schema, int poolSize) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL database URL must start with jdbc:postgresql:");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("scale-" + schema.name() + "-pg");
        config.setMaximumPoolSize(poolSize);
        return open(config, schema, true);
    }

    private static Database open(HikariConfig config, Schema schema, boolean postgres) {
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Migrations.apply(dataSource, schema);
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

    /** Writes queued behind the commit in progress (tests use it to build a group on purpose). */
    public int waitingWrites() {
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

    /** Opens a raw handle for callers that manage it themselves (tests, the control plane). */
    public Handle open() {
        return jdbi.open();
    }

    /** True on PostgreSQL (several nodes may share it), false on SQLite (one process). */
    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
