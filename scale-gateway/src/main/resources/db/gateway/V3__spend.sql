-- What the gateway let through that costs money: one row per successful task-creating call, with the number of
-- tasks and the estimated cost (in micro-dollars, to stay integral). Budgets sum these rows over a window.
CREATE TABLE gw_spend (
    id          TEXT PRIMARY KEY,
    at_ms       BIGINT NOT NULL,
    token_id    TEXT,
    connection  TEXT NOT NULL,
    project     TEXT,
    tasks       INTEGER NOT NULL,
    cost_micros BIGINT NOT NULL
);
CREATE INDEX gw_spend_connection_at ON gw_spend (connection, at_ms);
CREATE INDEX gw_spend_token_at ON gw_spend (token_id, at_ms);
