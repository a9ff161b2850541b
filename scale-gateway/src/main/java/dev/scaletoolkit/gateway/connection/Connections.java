package dev.scaletoolkit.gateway.connection;

import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.gateway.settings.OutboundSettings;
import dev.scaletoolkit.gateway.settings.SettingsStore;
import dev.scaletoolkit.infra.crypto.SecretBox;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named Scale accounts. Keys and callback secrets are sealed before they reach the database and opened only by
 * {@link #get}, for the code that calls Scale; listings show a fingerprint instead.
 */
public final class Connections {
    public static final String SCALE_BASE_URL = "https://api.scale.com/v1";
    private static final String SCALE_HOST = "api.scale.com";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

    private final ConnectionStore store;
    private final SettingsStore settings;
    private final SecretBox box;
    private final OutboundSettings outbound;
    private final ConnectionsMarker marker;

    public Connections(ConnectionStore store, SettingsStore settings, SecretBox box) {
        this(store, settings, box, ConnectionsMarker.NONE);
    }

    /** As above, renewing {@code marker} on every change to the connections or the default (see there). */
    public Connections(ConnectionStore store, SettingsStore settings, SecretBox box, ConnectionsMarker marker) {
        this.store = store;
        this.settings = settings;
        this.box = box;
        this.outbound = new OutboundSettings(settings);
        this.marker = marker;
    }

    /** Runs a change between {@link ConnectionsMarker#changing} and {@link ConnectionsMarker#changed}. */
    private <T> T change(java.util.function.Supplier<T> work) {
        marker.changing();
        try {
            return work.get();
        } finally {
            marker.changed();
        }
    }

    /** What the gateway's outbound connections may reach: base URLs, the poller, webhooks. */
    public OutboundSettings outbound() {
        return outbound;
    }

    /** What {@link #add} and {@link #put} take. {@code mode} may be null when the key's prefix tells it. */
    public record NewConnection(String name, String baseUrl, Mode mode, String apiKey, String callbackSecret) {
        @Override
        public String toString() {
            return "NewConnection[name=" + name + ", baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * Adds a connection.
     *
     * @throws GatewayException {@code conflict} when the name is taken, {@code invalid_input} for a bad name,
     *     URL, key or mode
     */
    public ConnectionInfo add(NewConnection c) {
        ConnectionStore.Row row = toRow(c, null);
        if (!change(() -> store.insert(row))) {
            throw GatewayException.conflict("a connection named '" + c.name()
                    + "' exists; use 'scale connections rotate' to change its key or remove it first");
        }
        return info(row);
    }

    /** Adds the connection, or replaces the one of that name (used by {@code scale up} for {@code emulator}). */
    public ConnectionInfo put(NewConnection c) {
        Optional<ConnectionStore.Row> existing = store.find(c.name());
        ConnectionStore.Row row =
                toRow(c, existing.map(ConnectionStore.Row::createdAt).orElse(null));
        change(() -> {
            if (existing.isPresent() ? !store.update(row) : !store.insert(row)) {
                // lost a race with another process; the later write wins
                store.update(row);
            }
            return null;
        });
        return info(row);
    }

    /**
     * Replaces the API key (and, when {@code newCallbackSecret} is not null, the callback secret). The mode
     * follows the new key's prefix when it has one.
     */
    public ConnectionInfo rotate(String name, String newApiKey, String newCallbackSecret) {
        ConnectionStore.Row old = store.find(name).orElseThrow(() -> missing(name));
        Connection current = open(old);
        Mode mode = Optional.ofNullable(Mode.fromKey(checkKey(newApiKey))).orElse(old.mode());
        NewConnection next = new NewConnection(
                name,
                old.baseUrl(),
                mode,
                newApiKey,
                newCallbackSecret != null ? newCallbackSecret : current.callbackSecret());
        ConnectionStore.Row row = toRow(next, old.createdAt());
        change(() -> store.update(row));
        return info(row);
    }

    public void remove(String name) {
        boolean removed = change(() -> {
            if (!store.delete(name)) {
                return false;
            }
            if (defaultName().filter(name::equals).isPresent()) {
                settings.remove(SettingsStore.DEFAULT_CONNECTION);
            }
            return true;
        });
        if (!removed) {
            throw missing(name);
        }
    }

    /**
     * The connection with its key and secret opened, for a call: its base URL is checked again (still allowed, and
     * every address its host resolves to passes the outbound policy).
     *
     * @throws GatewayException {@code invalid_input} when the base URL may no longer be called
     */
    public Optional<Connection> get(String name) {
        return store.find(name).map(this::open).map(this::checkAtUse);
    }

    private Connection checkAtUse(Connection c) {
        checkUrl(c.baseUrl());
        try {
            outbound.policy("connections").check(URI.create(c.baseUrl()));
        } catch (OutboundPolicy.RefusedException e) {
            if (!e.unresolved()) { // an unresolved host cannot be reached either; the call says so itself
                throw GatewayException.invalid("connection '" + c.name() + "' cannot be called: " + e.getMessage());
            }
        }
        return c;
    }

    /** Like {@link #get}, but a missing name is a {@code not_found} error that lists the names there are. */
    public Connection require(String name) {
        return get(name).orElseThrow(() -> missing(name));
    }

    public Optional<ConnectionInfo> info(String name) {
        return store.find(name).map(this::info);
    }

    public List<ConnectionInfo> list() {
        return store.list().stream().map(this::info).toList();
    }

    /** Makes {@code name} the connection commands use when none is named. */
    public void use(String name) {
        if (store.find(name).isEmpty()) {
            throw missing(name);
        }
        change(() -> {
            settings.put(SettingsStore.DEFAULT_CONNECTION, name);
            return null;
        });
    }

    /** The default connection's name, if one is set and still exists. */
    public Optional<String> defaultName() {
        return settings.get(SettingsStore.DEFAULT_CONNECTION)
                .filter(n -> store.find(n).isPresent());
    }

    /** The default connection, opened. */
    public Optional<Connection> defaultConnection() {
        return defaultName().flatMap(this::get);
    }

    private GatewayException missing(String name) {
        List<String> names =
                store.list().stream().map(ConnectionStore.Row::name).toList();
        return GatewayException.notFound("no connection named '" + name + "'"
                + (names.isEmpty()
                        ? "; add one with 'scale connections add NAME'"
                        : "; there are: " + String.join(", ", names)));
    }

    private ConnectionStore.Row toRow(NewConnection c, Long createdAt) {
        if (c.name() == null || !NAME.matcher(c.name()).matches()) {
            throw GatewayException.invalid("connection name '" + c.name()
                    + "' must be 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String key = checkKey(c.apiKey());
        String url = checkUrl(c.baseUrl() == null ? SCALE_BASE_URL : c.baseUrl());
        Mode mode = c.mode() != null ? c.mode() : Mode.fromKey(key);
        if (mode == null) {
            throw GatewayException.invalid(
                    "the key does not start with live_ or test_, so say which it is with --mode live or --mode test");
        }
        String secret = c.callbackSecret() == null || c.callbackSecret().isBlank()
                ? null
                : c.callbackSecret().trim();
        long now = System.currentTimeMillis();
        return new ConnectionStore.Row(
                c.name(),
                url,
                mode,
                box.seal(key, context(c.name(), "api_key")),
                fingerprint(key),
                secret == null ? null : box.seal(secret, context(c.name(), "callback_secret")),
                createdAt == null ? now : createdAt,
                now);
    }

    private Connection open(ConnectionStore.Row row) {
        return new Connection(
                row.name(),
                row.baseUrl(),
                row.mode(),
                box.open(row.apiKeySealed(), context(row.name(), "api_key")),
                row.callbackSecretSealed() == null
                        ? null
                        : box.open(row.callbackSecretSealed(), context(row.name(), "callback_secret")));
    }

    private ConnectionInfo info(ConnectionStore.Row row) {
        boolean isDefault = settings.get(SettingsStore.DEFAULT_CONNECTION)
                .filter(row.name()::equals)
                .isPresent();
        return new ConnectionInfo(
                row.name(),
                row.baseUrl(),
                row.mode(),
                row.keyFingerprint(),
                row.callbackSecretSealed() != null,
                isDefault,
                Instant.ofEpochMilli(row.createdAt()),
                Instant.ofEpochMilli(row.updatedAt()));
    }

    private static String context(String name, String field) {
        return "connection:" + name + ":" + field;
    }

    private static String checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw GatewayException.invalid("the API key is empty");
        }
        String trimmed = key.trim();
        if (trimmed.chars().anyMatch(ch -> ch <= ' ' || ch == ':' || ch > '~')) {
            throw GatewayException.invalid(
                    "the API key holds spaces, a ':' or characters outside printable ASCII; paste the key alone");
        }
        return trimmed;
    }

    /**
     * A base URL is {@code https://api.scale.com}, a loopback emulator this installation started, or a host the
     * operator allowed ({@code --allow-host}); anything else would receive the API key on the next call.
     */
    private String checkUrl(String url) {
        String trimmed = url.trim();
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid("base URL '" + trimmed + "' is not a URL");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw GatewayException.invalid(
                    "base URL '" + trimmed + "' must be an http(s) URL such as " + SCALE_BASE_URL);
        }
        OutboundPolicy policy = outbound.policy("connections");
        Optional<String> refused = policy.refuseWithoutLookup(uri);
        if (refused.isPresent()) {
            throw GatewayException.invalid("base URL '" + trimmed + "' " + refused.get());
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        boolean scale = "https".equals(uri.getScheme()) && SCALE_HOST.equalsIgnoreCase(uri.getHost()) && port == 443;
        if (!scale && !outbound.allowList().names(uri.getHost(), port)) {
            String entry = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            throw GatewayException.invalid("base URL '" + trimmed + "' is not " + SCALE_BASE_URL
                    + " nor an emulator this installation started; the API key would be sent there, so allow the"
                    + " host first with --allow-host " + entry);
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The first 8 hex digits of SHA-256(key): enough to tell keys apart, useless for guessing one. */
    public static String fingerprint(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
