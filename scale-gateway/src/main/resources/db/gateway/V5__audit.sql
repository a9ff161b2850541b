-- The audit trail: one row per tool call, append-only. Each entry's hash covers its content and the previous
-- entry's hash, so changing or deleting a row breaks the chain at that row ('scale audit verify').
CREATE TABLE gw_audit (
    seq          BIGINT PRIMARY KEY,
    at_ms        BIGINT NOT NULL,
    caller       TEXT NOT NULL,
    connection   TEXT,
    tool         TEXT NOT NULL,
    arguments    TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    error_code   TEXT,
    latency_ms   BIGINT NOT NULL,
    cost_micros  BIGINT NOT NULL,
    confirmation TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    entry_hash   TEXT NOT NULL
);
