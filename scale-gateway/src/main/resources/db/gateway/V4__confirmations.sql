-- Confirmation tokens issued by dry runs: bound to the caller, the tool, a digest of the arguments and the policy
-- version; single use (used_at is set by a conditional update, so two redeemers cannot both win).
CREATE TABLE gw_confirmations (
    token_hash     TEXT PRIMARY KEY,
    caller         TEXT NOT NULL,
    tool           TEXT NOT NULL,
    args_digest    TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    expires_at     BIGINT NOT NULL,
    created_at     BIGINT NOT NULL,
    used_at        BIGINT
);
