package dev.scaletoolkit.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The gateway's database: a SQLite file by default, PostgreSQL when given a {@code jdbc:postgresql:} URL. It is
 * separate from the emulator's (its own Flyway history table and {@code gw_} tables), so both may share one
 * PostgreSQL database. Migrations live under {@code classpath:db/gateway}.
 *
 * <p>A database that already has every migration on the classpath is opened without starting Flyway
 * ({@link SchemaCheck}).
 *
 * <p>Writes are serialised in-process (SQLite has one writer and fails rather than waits when a read transaction
 * is upgraded); reads run freely.
 */
public final class GatewayDatabase implements AutoCloseable {
    public static final String MIGRATIONS = "classpath:db/gateway";
    public static final String HISTORY_TABLE = "gateway_schema_history";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final boolean postgres;

    private GatewayDatabase(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.postgres = postgres;
    }

    /** Opens (creating if needed) the SQLite file {@code file} and migrates it. */
    public static GatewayDatabase sqlite(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath()
                + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=15000&foreign_keys=true";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("scale-gateway-sqlite");
        config.setMaximumPoolSize(4);
        return open(config, false);
    }

    /** Opens a PostgreSQL database and migrates it. */
    public static GatewayDatabase postgres(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the gateway database URL must start with jdbc:postgresql:");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("scale-gateway-pg");
        config.setMaximumPoolSize(8);
        return open(config, true);
    }

    private static GatewayDatabase open(HikariConfig config, boolean postgres) {
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            if (SchemaCheck.current(dataSource)) {
                // nothing to migrate; Flyway's start would cost more than the rest of opening the gateway
                return new GatewayDatabase(dataSource, postgres);
            }
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    // a database shared with the emulator already has tables; ours are all prefixed gw_
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new GatewayDatabase(dataSource, postgres);
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

    /** Runs {@code work} on a connection of its own; for reads. */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
