package dev.scaletoolkit.gateway.token;

import dev.scaletoolkit.tools.Profile;
import java.time.Instant;
import java.util.Set;

/**
 * An agent token as stored (never the token itself): whom it lets in, to which connection, with which tools.
 *
 * @param id the public part of the token ({@code sgt_<id>.<secret>}), shown in listings and the audit trail
 * @param name a label chosen by the person who made it
 * @param connection the one connection its calls use
 * @param profile the tool profile it may use, or {@code null} when {@code tools} lists them
 * @param tools the tool slugs it may use when no profile is set
 * @param allowLive whether it may use a live (billable) connection
 * @param expiresAt when it stops working, or {@code null} for never
 * @param revokedAt when it was revoked, or {@code null}
 */
public record AgentToken(
        String id,
        String name,
        String connection,
        Profile profile,
        Set<String> tools,
        boolean allowLive,
        Instant expiresAt,
        Instant createdAt,
        Instant revokedAt) {

    public AgentToken {
        tools = tools == null ? Set.of() : Set.copyOf(tools);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** How the token is named in the audit trail and errors. */
    public String callerName() {
        return "token:" + id + " (" + name + ")";
    }

    /** Its scope in words: {@code profile core} or {@code tools A, B}. */
    public String scope() {
        if (profile == Profile.DISCOVERY && !tools.isEmpty()) {
            return "profile discovery, tools " + String.join(", ", tools);
        }
        return profile != null ? "profile " + profile.wireName() : "tools " + String.join(", ", tools);
    }
}
