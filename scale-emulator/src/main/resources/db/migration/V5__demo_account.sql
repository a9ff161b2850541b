-- The account `./scale up` makes on first start, made once per database: every node sharing the database finds
-- it here (with its keys, so a node started on a fresh data directory prints the same keys) instead of making its
-- own. `slot` is always 1, so a second insert fails and the node that lost the race reads the winner's row.
CREATE TABLE demo_account (
    slot       INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    live_key   TEXT NOT NULL,
    test_key   TEXT NOT NULL,
    created_at TEXT NOT NULL
);
