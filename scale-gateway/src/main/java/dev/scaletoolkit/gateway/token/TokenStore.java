package dev.scaletoolkit.gateway.token;

import dev.scaletoolkit.infra.store.Database;
import dev.scaletoolkit.tools.Profile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** All SQL of {@code gw_agent_tokens}. */
public final class TokenStore {
    private static final String COLUMNS =
            "id, name, token_hash, connection, profile, tools, allow_live, expires_at, created_at, revoked_at";

    /** A row: the token's description and the hash of the token. */
    public record Row(AgentToken token, String tokenHash) {}

    private final Database db;

    public TokenStore(Database db) {
        this.db = db;
    }

    public void insert(AgentToken t, String tokenHash) {
        db.write(h -> h.createUpdate("INSERT INTO gw_agent_tokens (" + COLUMNS + ") VALUES (:id, :name, :hash,"
                        + " :connection, :profile, :tools, :allowLive, :expiresAt, :createdAt, NULL)")
                .bind("id", t.id())
                .bind("name", t.name())
                .bind("hash", tokenHash)
                .bind("connection", t.connection())
                .bind("profile", t.profile() == null ? null : t.profile().wireName())
                .bind("tools", t.tools().isEmpty() ? null : String.join(",", t.tools()))
                .bind("allowLive", t.allowLive() ? 1 : 0)
                .bind("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toEpochMilli())
                .bind("createdAt", t.createdAt().toEpochMilli())
                .execute());
    }

    public Optional<Row> find(String id) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM gw_agent_tokens WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    public List<AgentToken> list() {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM gw_agent_tokens ORDER BY created_at, id")
                .map((rs, ctx) -> row(rs).token())
                .list());
    }

    /** Marks the token revoked; false when there is no such token or it was revoked already. */
    public boolean revoke(String id, Instant at) {
        return db.write(
                h -> h.createUpdate("UPDATE gw_agent_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                                .bind("id", id)
                                .bind("at", at.toEpochMilli())
                                .execute()
                        > 0);
    }

    private static Row row(ResultSet rs) throws SQLException {
        String profile = rs.getString("profile");
        String tools = rs.getString("tools");
        long expires = rs.getLong("expires_at");
        boolean noExpiry = rs.wasNull();
        long revoked = rs.getLong("revoked_at");
        boolean notRevoked = rs.wasNull();
        return new Row(
                new AgentToken(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("connection"),
                        profile == null ? null : Profile.parse(profile),
                        tools == null ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(tools.split(","))),
                        rs.getInt("allow_live") != 0,
                        noExpiry ? null : Instant.ofEpochMilli(expires),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        notRevoked ? null : Instant.ofEpochMilli(revoked)),
                rs.getString("token_hash"));
    }
}
