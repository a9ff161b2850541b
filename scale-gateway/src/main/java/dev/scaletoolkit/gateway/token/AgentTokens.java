package dev.scaletoolkit.gateway.token;

import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.gateway.Hashing;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agent tokens: {@code sgt_<id>.<secret>}, shown once at creation and stored as a SHA-256. Each is bound to one
 * connection and to a profile or a list of tools, may expire, and may use a live connection only when allowed.
 */
public final class AgentTokens {
    public static final String PREFIX = "sgt_";
    private static final Pattern SHAPE = Pattern.compile("sgt_([A-Za-z0-9]{10})\\.([A-Za-z0-9]{32})");

    private final TokenStore store;
    private final Connections connections;
    private final java.util.function.Supplier<ToolRegistry> catalog;
    private final Clock clock;

    /**
     * Tokens in {@code store}; {@code catalog} is asked for the tool catalog only when a token names tools, so
     * opening the gateway does not read the catalog (most of its start).
     */
    public AgentTokens(
            TokenStore store, Connections connections, java.util.function.Supplier<ToolRegistry> catalog, Clock clock) {
        this.store = store;
        this.connections = connections;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What {@link #create} takes: a profile or a tool list (exactly one), and an optional lifetime. */
    public record NewToken(
            String name, String connection, Profile profile, List<String> tools, Duration ttl, boolean allowLive) {}

    /** A token just made: the only time its secret text exists outside the caller's hands. */
    public record Created(AgentToken token, String secret) {
        @Override
        public String toString() {
            return "Created[" + token.id() + "]";
        }
    }

    public Created create(NewToken n) {
        if (n.name() == null || n.name().isBlank()) {
            throw GatewayException.invalid("a token needs a name (who or what will use it)");
        }
        connections
                .info(n.connection())
                .orElseThrow(() -> GatewayException.notFound("no connection named '" + n.connection() + "'"));
        boolean hasTools = n.tools() != null && !n.tools().isEmpty();
        if ((n.profile() == null) == !hasTools && n.profile() != Profile.DISCOVERY) {
            throw GatewayException.invalid("give a token either a profile (core, full, readonly, discovery) or a list"
                    + " of tools (or discovery with a tool list, to reach only those through the discovery tools)");
        }
        Set<String> slugs = new LinkedHashSet<>();
        if (hasTools) {
            for (String t : n.tools()) {
                ToolSpec spec = catalog.get()
                        .find(t)
                        .orElseThrow(() -> GatewayException.invalid("unknown tool '" + t + "' in the tool list"));
                slugs.add(spec.slug());
            }
        }
        if (n.ttl() != null && (n.ttl().isNegative() || n.ttl().isZero())) {
            throw GatewayException.invalid("the token's lifetime must be positive");
        }
        Instant now = clock.instant();
        String id = Hashing.randomId(10);
        String secret = PREFIX + id + "." + Hashing.randomId(32);
        AgentToken token = new AgentToken(
                id,
                n.name().trim(),
                n.connection(),
                n.profile(),
                slugs,
                n.allowLive(),
                n.ttl() == null ? null : now.plus(n.ttl()),
                now,
                null);
        store.insert(token, Hashing.sha256(secret));
        return new Created(token, secret);
    }

    /**
     * The token the presented text stands for, if it is well-formed, known, unexpired and not revoked. The hash is
     * compared in constant time; the reason for a refusal is not told to the presenter.
     */
    public Optional<AgentToken> authenticate(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        var m = SHAPE.matcher(presented.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return store.find(m.group(1))
                .filter(r -> Hashing.sameHex(r.tokenHash(), Hashing.sha256(presented.trim())))
                .map(TokenStore.Row::token)
                .filter(t -> t.usableAt(clock.instant()));
    }

    public List<AgentToken> list() {
        return store.list();
    }

    public Optional<AgentToken> get(String id) {
        return store.find(id).map(TokenStore.Row::token);
    }

    public void revoke(String id) {
        String bare = id.startsWith(PREFIX) ? id.substring(PREFIX.length()).split("\\.")[0] : id;
        if (!store.revoke(bare, clock.instant())) {
            throw GatewayException.notFound("no active token with id '" + bare + "'");
        }
    }

    /** Whether the token's scope includes the tool. */
    public boolean allows(AgentToken token, ToolSpec tool) {
        return dev.scaletoolkit.gateway.call.Caller.allows(token.profile(), token.tools(), tool);
    }
}
