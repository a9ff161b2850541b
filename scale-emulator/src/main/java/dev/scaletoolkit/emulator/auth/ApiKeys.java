package dev.scaletoolkit.emulator.auth;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.infra.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the {@code Authorization} header to a {@link Caller}. Both Scale's documented scheme (Basic, the key as
 * user and an empty password) and Bearer are accepted. Keys are looked up by their SHA-256, never stored in clear.
 */
public final class ApiKeys {
    private final Database db;
    /**
     * Accepted {@code Authorization} headers, so a client's every request skips decoding and hashing its key (a
     * tenth of a get's CPU). Only headers that authenticated are kept; held in memory only, like the request.
     */
    private final Map<String, Caller> byHeader = new ConcurrentHashMap<>();

    public ApiKeys(Database db) {
        this.db = db;
    }

    /** Test mode, as on Scale: keys that start with {@code test_} or end with {@code |test}. */
    public static boolean isTestKey(String key) {
        return key.startsWith("test_") || key.endsWith("|test");
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the caller for the header, or throws 401 with a message that never repeats the key. */
    public Caller authenticate(String authorization) {
        Caller known = authorization == null ? null : byHeader.get(authorization);
        if (known != null) {
            return known;
        }
        Caller caller = authenticateKey(authorization);
        if (byHeader.size() < 10_000) {
            byHeader.put(authorization, caller);
        }
        return caller;
    }

    private Caller authenticateKey(String authorization) {
        String key = extractKey(authorization)
                .orElseThrow(() -> ApiError.unauthorized(
                        "Unauthorized: no valid API key provided. Send it as HTTP Basic auth (the key as user name,"
                                + " empty password) or as a Bearer token."));
        String hash = hash(key);
        return db.read(h -> ApiKeyStore.find(h, hash))
                .orElseThrow(() -> ApiError.unauthorized("Unauthorized: the API key is not valid for this server."));
    }

    /** The account and world of {@code key}, read inside the caller's transaction (no cache). */
    public static Optional<Caller> find(org.jdbi.v3.core.Handle h, String key) {
        return ApiKeyStore.find(h, hash(key));
    }

    /** Forgets cached lookups, after keys were removed (reset). */
    public void invalidate() {
        byHeader.clear();
    }

    static Optional<String> extractKey(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        String credentials = value.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return Optional.of(credentials).filter(s -> !s.isEmpty());
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                return Optional.of(user).filter(s -> !s.isEmpty());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
