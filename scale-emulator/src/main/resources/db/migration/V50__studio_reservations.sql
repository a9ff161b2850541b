-- Task reservations of the browser UI (package studio): who is working on a task, until when. One row per task, so
-- two people (on one node or several sharing PostgreSQL) can never hold the same task: a claim is one conditional
-- upsert that succeeds only when the row is free, expired, or already the claimer's. Times are epoch milliseconds.
CREATE TABLE studio_reservations (
    task_id     TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    email       TEXT NOT NULL,
    reserved_at BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX studio_reservations_by_account ON studio_reservations (account_id, expires_at);
