package dev.scaletoolkit.gateway.confirm;

import dev.scaletoolkit.gateway.Hashing;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Single-use confirmation tokens ({@code scf_…}) issued by a dry run and bound to the caller, the tool, a digest of
 * the arguments, the policy version and an expiry. Only their hash is stored.
 */
public final class Confirmations {
    public static final String PREFIX = "scf_";

    private final ConfirmationStore store;
    private final Clock clock;

    public Confirmations(ConfirmationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A token just issued and when it expires. */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expires " + expiresAt + "]";
        }
    }

    public Issued issue(String caller, String tool, String argsDigest, Policy policy) {
        long now = clock.millis();
        store.deleteExpired(now - 86_400_000L);
        String token = PREFIX + Hashing.randomId(32);
        long expires = now + policy.ttl().toMillis();
        store.insert(new ConfirmationStore.Row(
                Hashing.sha256(token), caller, tool, argsDigest, policy.version(), expires, now, null));
        return new Issued(token, Instant.ofEpochMilli(expires));
    }

    /**
     * Uses the token for this exact call.
     *
     * @return empty when accepted, else why it was refused (in words for the agent; the token is not repeated)
     */
    public Optional<String> redeem(String token, String caller, String tool, String argsDigest, Policy policy) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.of("the confirmation token is not one this gateway issued (it starts with " + PREFIX + ")");
        }
        String hash = Hashing.sha256(token.trim());
        Optional<ConfirmationStore.Row> found = store.find(hash);
        if (found.isEmpty()) {
            return Optional.of("the confirmation token is unknown; make a new dry run");
        }
        ConfirmationStore.Row row = found.get();
        long now = clock.millis();
        if (row.usedAt() != null) {
            return Optional.of("the confirmation token was already used; each token confirms one call");
        }
        if (row.expiresAt() <= now) {
            return Optional.of("the confirmation token expired at " + Instant.ofEpochMilli(row.expiresAt())
                    + "; make a new dry run");
        }
        if (!row.caller().equals(caller)) {
            return Optional.of("the confirmation token was issued to another caller");
        }
        if (!row.tool().equals(tool)) {
            return Optional.of("the confirmation token was issued for " + row.tool() + ", not " + tool);
        }
        if (!Hashing.sameHex(row.argsDigest(), argsDigest)) {
            return Optional.of("the confirmation token was issued for other arguments; make a dry run with these");
        }
        if (!row.policyVersion().equals(policy.version())) {
            return Optional.of("the confirmation policy changed since the dry run; make a new one");
        }
        if (!store.markUsed(hash, now)) {
            return Optional.of("the confirmation token was already used; each token confirms one call");
        }
        return Optional.empty();
    }
}
