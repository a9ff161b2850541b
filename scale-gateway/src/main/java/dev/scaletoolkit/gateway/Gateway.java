package dev.scaletoolkit.gateway;

import dev.scaletoolkit.gateway.audit.AuditTrail;
import dev.scaletoolkit.gateway.budget.BudgetConfig;
import dev.scaletoolkit.gateway.budget.Budgets;
import dev.scaletoolkit.gateway.budget.PriceTable;
import dev.scaletoolkit.gateway.call.ConnectionTools;
import dev.scaletoolkit.gateway.call.ToolGate;
import dev.scaletoolkit.gateway.confirm.ConfirmationStore;
import dev.scaletoolkit.gateway.confirm.Confirmations;
import dev.scaletoolkit.gateway.confirm.Policy;
import dev.scaletoolkit.gateway.connection.ConnectionStore;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.gateway.connection.ConnectionsMarker;
import dev.scaletoolkit.gateway.metrics.GatewayMetrics;
import dev.scaletoolkit.gateway.settings.SettingsStore;
import dev.scaletoolkit.gateway.store.GatewayDatabase;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.gateway.token.TokenStore;
import dev.scaletoolkit.infra.crypto.MasterKey;
import dev.scaletoolkit.infra.crypto.OwnerOnlyFiles;
import dev.scaletoolkit.infra.crypto.SecretBox;
import dev.scaletoolkit.infra.store.Database;
import dev.scaletoolkit.tools.LocalFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * The agent gateway's entry point: open it on a home directory, then use its services.
 *
 * <pre>{@code
 * try (Gateway gw = Gateway.open(GatewayHome.resolve(System::getenv), System::getenv)) {
 *     Connection prod = gw.connections().require("prod");   // base URL, mode, key, callback secret
 * }
 * }</pre>
 *
 * <p>State lives in {@code home} (owner-only): {@code gateway.db} (SQLite) unless
 * {@code SCALE_GATEWAY_DATABASE_URL} names a PostgreSQL database (user and password from
 * {@code SCALE_GATEWAY_DB_USER}/{@code SCALE_GATEWAY_DB_PASSWORD}), and the master key in {@code master.key}
 * unless {@code SCALE_GATEWAY_MASTER_KEY} holds it.
 */
public final class Gateway implements AutoCloseable {
    public static final String DATABASE_URL_ENV = "SCALE_GATEWAY_DATABASE_URL";
    public static final String DB_FILE = "gateway.db";

    public static final String POLICY_FILE = "policy.json";
    public static final String PRICES_FILE = "prices.json";
    public static final String BUDGETS_FILE = "budgets.json";

    private final Path home;
    private final Database db;
    private final Connections connections;
    private final AgentTokens tokens;
    private final AuditTrail audit;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final Policy policy;
    private final ToolGate gate;

    private Gateway(Path home, Database db, MasterKey key, ConnectionsMarker marker, Clock clock, LocalFiles files) {
        this.home = home;
        this.db = db;
        SettingsStore settings = new SettingsStore(db);
        this.connections = connections(db, settings, key, marker);
        this.tokens = new AgentTokens(new TokenStore(db), connections, ConnectionTools::catalog, clock);
        this.audit = new AuditTrail(db, settings, home);
        this.policy = new Policy(ConfigFiles.readOrCreate(home, POLICY_FILE));
        this.gate = new ToolGate(
                new ConnectionTools(connections, files),
                policy,
                new Confirmations(new ConfirmationStore(db), clock),
                new Budgets(db, new BudgetConfig(ConfigFiles.readOrCreate(home, BUDGETS_FILE)), clock),
                new PriceTable(ConfigFiles.readOrCreate(home, PRICES_FILE)),
                audit,
                metrics,
                clock);
    }

    /** Opens the gateway in {@code home} with the process environment. */
    public static Gateway open(Path home) {
        return open(home, System::getenv);
    }

    /** Opens the gateway in {@code home}, reading settings from {@code env}. */
    public static Gateway open(Path home, Function<String, String> env) {
        return open(home, env, Clock.systemUTC());
    }

    /** As {@link #open(Path, Function)}, with a clock (tests of expiry and budget windows). */
    public static Gateway open(Path home, Function<String, String> env, Clock clock) {
        MasterKey key = masterKey(home, env);
        Database db = database(home, env);
        try {
            // agents reach the gateway remotely: local files only under SCALE_UPLOAD_DIR / SCALE_EXPORT_DIR
            return new Gateway(home, db, key, marker(home, env), clock, LocalFiles.remoteFromEnv(env));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Runs {@code work} on the named connections alone, without the rest of the gateway (tool gate, budgets,
     * metrics, config files): for commands that only pick a connection, such as the CLI choosing which Scale to
     * talk to, where opening the whole gateway would be most of their start time.
     */
    public static <R> R withConnections(Path home, Function<String, String> env, Function<Connections, R> work) {
        MasterKey key = masterKey(home, env);
        try (Database db = database(home, env)) {
            return work.apply(connections(db, new SettingsStore(db), key, marker(home, env)));
        }
    }

    /** Makes {@code home} (owner-only) when it is missing and loads, or makes, its master key. */
    private static MasterKey masterKey(Path home, Function<String, String> env) {
        try {
            OwnerOnlyFiles.directory(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the gateway home " + home, e);
        }
        return MasterKey.load(home, env);
    }

    /** The SQLite file in {@code home}, or the PostgreSQL database {@code SCALE_GATEWAY_DATABASE_URL} names. */
    private static Database database(Path home, Function<String, String> env) {
        String url = env.apply(DATABASE_URL_ENV);
        if (url == null || url.isBlank()) {
            Path file = home.resolve(DB_FILE);
            boolean fresh = !java.nio.file.Files.exists(file);
            Database db = GatewayDatabase.sqlite(ownerOnlyFile(file));
            if (fresh) {
                // a new (or re-made) gateway: whatever was remembered about an older one no longer holds
                ConnectionsMarker.in(home).changed();
            }
            return db;
        }
        return GatewayDatabase.postgres(
                url.trim(), env.apply("SCALE_GATEWAY_DB_USER"), env.apply("SCALE_GATEWAY_DB_PASSWORD"));
    }

    private static Connections connections(
            Database db, SettingsStore settings, MasterKey key, ConnectionsMarker marker) {
        return new Connections(new ConnectionStore(db), settings, new SecretBox(key), marker);
    }

    /**
     * The marker that says when the connections last changed, for readers that remember them (the CLI's default
     * connection): only beside a SQLite file; a PostgreSQL gateway may be changed from another machine.
     */
    public static ConnectionsMarker marker(Path home, Function<String, String> env) {
        String url = env.apply(DATABASE_URL_ENV);
        return url == null || url.isBlank() ? ConnectionsMarker.in(home) : ConnectionsMarker.NONE;
    }

    /** An empty file is a valid SQLite database; making it first keeps it owner-only from the start. */
    private static Path ownerOnlyFile(Path file) {
        try {
            if (!java.nio.file.Files.exists(file)) {
                OwnerOnlyFiles.createNew(file, new byte[0]);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // made by another process
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file, e);
        }
        return file;
    }

    public Path home() {
        return home;
    }

    /** Named Scale accounts with sealed keys. */
    public Connections connections() {
        return connections;
    }

    /** Agent tokens: create, authenticate, list, revoke. */
    public AgentTokens tokens() {
        return tokens;
    }

    /** Every tool call through the gateway: scope, budgets, confirmation, audit, metrics. */
    public ToolGate gate() {
        return gate;
    }

    /** The hash-chained record of every call. */
    public AuditTrail audit() {
        return audit;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    public Policy policy() {
        return policy;
    }

    /** The database, for the gateway's own services and extensions (triggers). */
    public Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
