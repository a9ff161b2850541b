-- Agent tokens: only a SHA-256 of each token is kept (tokens carry 192 random bits, so a fast hash is enough).
-- A token is bound to one connection and to a profile or an explicit tool list (comma-separated slugs).
CREATE TABLE gw_agent_tokens (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    token_hash  TEXT NOT NULL,
    connection  TEXT NOT NULL,
    profile     TEXT,
    tools       TEXT,
    allow_live  INTEGER NOT NULL,
    expires_at  BIGINT,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
