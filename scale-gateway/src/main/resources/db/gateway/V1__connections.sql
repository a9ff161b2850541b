-- The gateway's own database (separate from the emulator's; its Flyway history is gateway_schema_history).
-- Portable DDL for SQLite and PostgreSQL: times are epoch milliseconds, flags are 0/1 integers.
-- Versions V1..V19 belong to the gateway core, V20 and later to triggers.

-- A named Scale account. The API key and the callback secret are stored only as AES-GCM ciphertext
-- (see crypto.SecretBox); key_fingerprint is a short SHA-256 prefix so people can tell keys apart.
CREATE TABLE gw_connections (
    name                  TEXT PRIMARY KEY,
    base_url              TEXT NOT NULL,
    mode                  TEXT NOT NULL,
    api_key_sealed        TEXT NOT NULL,
    key_fingerprint       TEXT NOT NULL,
    callback_secret_sealed TEXT,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL
);

-- Small named values, such as the default connection.
CREATE TABLE gw_settings (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
