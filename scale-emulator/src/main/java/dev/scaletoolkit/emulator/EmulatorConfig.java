package dev.scaletoolkit.emulator;

import dev.scaletoolkit.infra.net.AllowList;
import dev.scaletoolkit.infra.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an emulator runs. Build with {@link #builder()}; every setting has a default that suits a developer's
 * machine: 127.0.0.1, port 8790, SQLite under {@code .scale-data}, a workforce that finishes live tasks within
 * seconds, and callbacks retried on Scale's schedule.
 *
 * @param host interface to bind; the control plane needs {@code adminToken} on anything but loopback
 * @param port TCP port, 0 for any free one
 * @param dataDir directory for the SQLite database and stored files
 * @param jdbcUrl a {@code jdbc:postgresql:} URL to use PostgreSQL instead of SQLite, or null
 * @param workforceEnabled whether simulated labelers complete pending live tasks
 * @param workforceDelay how long a live task waits before the workforce completes it
 * @param workforceSeed seed for the generated responses, so runs repeat
 * @param callbackRetryDelays delays before each retry of a failed callback; its size is the number of retries
 * @param adminToken token for {@code /_emulator/} when bound beyond loopback, or null
 * @param publicBaseUrl the address clients use, for URLs written into responses; null derives it from the port
 * @param sqliteSync how SQLite syncs commits to disk (FULL survives a power cut; NORMAL a killed process only)
 * @param allowHosts what callbacks and imports may reach beyond public addresses ({@code --allow-host}; see
 *     {@link AllowList}); null for the default: loopback when the emulator itself listens on loopback (its callers
 *     are on this machine already), nothing otherwise. Its own port is refused either way.
 * @param masterKeyHome the directory whose {@code master.key} seals secrets in the database (made owner-only on
 *     first start); null for {@code dataDir}. {@code SCALE_MASTER_KEY} (base64 of 32 bytes) overrides it,
 *     which is how nodes sharing one PostgreSQL database share one key.
 */
public record EmulatorConfig(
        String host,
        int port,
        Path dataDir,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        boolean workforceEnabled,
        Duration workforceDelay,
        long workforceSeed,
        List<Duration> callbackRetryDelays,
        Duration callbackTimeout,
        String adminToken,
        String publicBaseUrl,
        Database.Sync sqliteSync,
        List<String> allowHosts,
        Path masterKeyHome) {

    public EmulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(workforceDelay, "workforceDelay");
        callbackRetryDelays = List.copyOf(callbackRetryDelays);
        Objects.requireNonNull(callbackTimeout, "callbackTimeout");
        Objects.requireNonNull(sqliteSync, "sqliteSync");
        if (allowHosts != null) {
            allowHosts = List.copyOf(allowHosts);
            AllowList.of(allowHosts); // a bad entry fails here, at start, not at the first callback
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
    }

    /** Scale retries a failed callback up to 20 times over about a day; this spreads 20 retries likewise. */
    public static List<Duration> scaleRetrySchedule() {
        List<Duration> delays = new java.util.ArrayList<>();
        long seconds = 30;
        for (int i = 0; i < 20; i++) {
            delays.add(Duration.ofSeconds(Math.min(seconds, 3 * 3600)));
            seconds *= 2;
        }
        return delays;
    }

    /** What callbacks and imports may reach beyond public addresses. */
    public AllowList outboundAllowList() {
        if (allowHosts == null) {
            return isLoopback() ? AllowList.of(List.of("loopback")) : AllowList.none();
        }
        return AllowList.of(allowHosts);
    }

    public boolean isLoopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.dataDir = dataDir;
        b.jdbcUrl = jdbcUrl;
        b.jdbcUser = jdbcUser;
        b.jdbcPassword = jdbcPassword;
        b.workforceEnabled = workforceEnabled;
        b.workforceDelay = workforceDelay;
        b.workforceSeed = workforceSeed;
        b.callbackRetryDelays = callbackRetryDelays;
        b.callbackTimeout = callbackTimeout;
        b.adminToken = adminToken;
        b.publicBaseUrl = publicBaseUrl;
        b.sqliteSync = sqliteSync;
        b.allowHosts = allowHosts;
        b.masterKeyHome = masterKeyHome;
        return b;
    }

    /** Builder for {@link EmulatorConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8790;
        private Path dataDir = Path.of(".scale-data");
        private String jdbcUrl;
        private String jdbcUser;
        private String jdbcPassword;
        private boolean workforceEnabled = true;
        private Duration workforceDelay = Duration.ofSeconds(3);
        private long workforceSeed = 42;
        private List<Duration> callbackRetryDelays = scaleRetrySchedule();
        private Duration callbackTimeout = Duration.ofSeconds(10);
        private String adminToken;
        private String publicBaseUrl;
        private Database.Sync sqliteSync = Database.Sync.FULL;
        private List<String> allowHosts;
        private Path masterKeyHome;

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder postgres(String jdbcUrl, String user, String password) {
            this.jdbcUrl = jdbcUrl;
            this.jdbcUser = user;
            this.jdbcPassword = password;
            return this;
        }

        public Builder workforceEnabled(boolean enabled) {
            this.workforceEnabled = enabled;
            return this;
        }

        public Builder workforceDelay(Duration delay) {
            this.workforceDelay = delay;
            return this;
        }

        public Builder workforceSeed(long seed) {
            this.workforceSeed = seed;
            return this;
        }

        public Builder callbackRetryDelays(List<Duration> delays) {
            this.callbackRetryDelays = delays;
            return this;
        }

        public Builder callbackTimeout(Duration timeout) {
            this.callbackTimeout = timeout;
            return this;
        }

        public Builder adminToken(String token) {
            this.adminToken = token;
            return this;
        }

        public Builder publicBaseUrl(String url) {
            this.publicBaseUrl = url;
            return this;
        }

        public Builder sqliteSync(Database.Sync sync) {
            this.sqliteSync = sync;
            return this;
        }

        /** What callbacks and imports may reach beyond public addresses; null restores the default. */
        public Builder allowHosts(List<String> entries) {
            this.allowHosts = entries;
            return this;
        }

        /** The directory of the {@code master.key} that seals secrets at rest; by default the data directory. */
        public Builder masterKeyHome(Path dir) {
            this.masterKeyHome = dir;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(
                    host,
                    port,
                    dataDir,
                    jdbcUrl,
                    jdbcUser,
                    jdbcPassword,
                    workforceEnabled,
                    workforceDelay,
                    workforceSeed,
                    callbackRetryDelays,
                    callbackTimeout,
                    adminToken,
                    publicBaseUrl,
                    sqliteSync,
                    allowHosts,
                    masterKeyHome);
        }
    }
}
