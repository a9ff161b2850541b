-- Consensus in the browser UI (package studio): a task of a project with labelers_per_task N > 1 goes to N
-- different people.
--
-- Reservations become seats: a task has N seats (one for an ordinary task, seat 0). A claim takes a free or
-- expired seat in one conditional upsert, so nodes sharing PostgreSQL never hand out more seats than there are;
-- one person holds at most one seat of a task (the unique index). A person who answers keeps the seat for good
-- (answered_at is set), so the answers and the running leases together never exceed N.
CREATE TABLE studio_reservations_seated (
    task_id     TEXT NOT NULL,
    seat        INTEGER NOT NULL,
    account_id  TEXT NOT NULL,
    email       TEXT NOT NULL,
    reserved_at BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    answered_at BIGINT,
    PRIMARY KEY (task_id, seat)
);
INSERT INTO studio_reservations_seated (task_id, seat, account_id, email, reserved_at, expires_at)
    SELECT task_id, 0, account_id, email, reserved_at, expires_at FROM studio_reservations;
DROP TABLE studio_reservations;
ALTER TABLE studio_reservations_seated RENAME TO studio_reservations;
CREATE INDEX studio_reservations_by_account ON studio_reservations (account_id, expires_at);
CREATE UNIQUE INDEX studio_reservations_one_seat_each ON studio_reservations (task_id, email);

-- Each person's answer to a consensus task, kept until the task is decided (and after, for the record).
CREATE TABLE studio_consensus_answers (
    task_id     TEXT NOT NULL,
    email       TEXT NOT NULL,
    account_id  TEXT NOT NULL,
    response    TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (task_id, email)
);

-- A consensus task whose N answers are in: its agreement score and what became of it. REVIEW waits for a
-- manager; AUTO completed itself (score at or above the threshold); PICKED and MERGED are a manager's decision.
CREATE TABLE studio_consensus_reviews (
    task_id     TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    threshold   DOUBLE PRECISION NOT NULL,
    answers     INTEGER NOT NULL,
    state       TEXT NOT NULL,
    chosen      TEXT,
    decided_by  TEXT,
    decided_at  TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX studio_consensus_reviews_open ON studio_consensus_reviews (account_id, state, created_at);
