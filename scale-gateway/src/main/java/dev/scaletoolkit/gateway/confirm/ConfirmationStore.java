package dev.scaletoolkit.gateway.confirm;

import dev.scaletoolkit.infra.store.Database;
import java.util.Optional;

/** All SQL of {@code gw_confirmations}. */
public final class ConfirmationStore {
    /** One issued confirmation, found by the hash of its token. */
    public record Row(
            String tokenHash,
            String caller,
            String tool,
            String argsDigest,
            String policyVersion,
            long expiresAt,
            long createdAt,
            Long usedAt) {}

    private final Database db;

    public ConfirmationStore(Database db) {
        this.db = db;
    }

    public void insert(Row r) {
        db.write(h -> h.createUpdate("INSERT INTO gw_confirmations (token_hash, caller, tool, args_digest,"
                        + " policy_version, expires_at, created_at, used_at) VALUES (:hash, :caller, :tool, :digest,"
                        + " :version, :expires, :created, NULL)")
                .bind("hash", r.tokenHash())
                .bind("caller", r.caller())
                .bind("tool", r.tool())
                .bind("digest", r.argsDigest())
                .bind("version", r.policyVersion())
                .bind("expires", r.expiresAt())
                .bind("created", r.createdAt())
                .execute());
    }

    public Optional<Row> find(String tokenHash) {
        return db.read(h -> h.createQuery("SELECT token_hash, caller, tool, args_digest, policy_version, expires_at,"
                        + " created_at, used_at FROM gw_confirmations WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> {
                    long used = rs.getLong("used_at");
                    Long usedAt = rs.wasNull() ? null : used;
                    return new Row(
                            rs.getString("token_hash"),
                            rs.getString("caller"),
                            rs.getString("tool"),
                            rs.getString("args_digest"),
                            rs.getString("policy_version"),
                            rs.getLong("expires_at"),
                            rs.getLong("created_at"),
                            usedAt);
                })
                .findOne());
    }

    /** Marks it used if it is still unused and unexpired; only one caller can win. */
    public boolean markUsed(String tokenHash, long now) {
        return db.write(h -> h.createUpdate("UPDATE gw_confirmations SET used_at = :now WHERE token_hash = :hash"
                                + " AND used_at IS NULL AND expires_at > :now")
                        .bind("hash", tokenHash)
                        .bind("now", now)
                        .execute()
                > 0);
    }

    /** Forgets confirmations that expired before {@code before}. */
    public int deleteExpired(long before) {
        return db.write(h -> h.createUpdate("DELETE FROM gw_confirmations WHERE expires_at < :before")
                .bind("before", before)
                .execute());
    }
}
