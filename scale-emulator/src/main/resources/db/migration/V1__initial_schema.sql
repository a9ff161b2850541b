-- Portable DDL: runs unchanged on SQLite and PostgreSQL. Timestamps are ISO-8601 UTC text with milliseconds
-- (they sort as text), flags are 0/1 integers, and each resource keeps its full JSON in `doc`.
-- `test_mode` separates the live and test worlds of one account, as on Scale.

CREATE TABLE accounts (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    email             TEXT NOT NULL,
    callback_auth_key TEXT NOT NULL,
    created_at        TEXT NOT NULL
);

-- Only a SHA-256 of each key is stored; the key itself is shown once, when it is made.
CREATE TABLE api_keys (
    key_hash   TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    test_mode  INTEGER NOT NULL,
    label      TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE projects (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    test_mode  INTEGER NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    archived   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (account_id, test_mode, name)
);

CREATE TABLE batches (
    account_id      TEXT NOT NULL REFERENCES accounts (id),
    test_mode       INTEGER NOT NULL,
    name            TEXT NOT NULL,
    id              TEXT NOT NULL,
    project         TEXT NOT NULL,
    status          TEXT NOT NULL,
    calibration     INTEGER NOT NULL DEFAULT 0,
    studio_priority INTEGER,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    completed_at    TEXT,
    doc             TEXT NOT NULL,
    PRIMARY KEY (account_id, test_mode, name)
);
CREATE INDEX batches_by_created ON batches (account_id, test_mode, created_at);

CREATE TABLE tasks (
    id                     TEXT PRIMARY KEY,
    account_id             TEXT NOT NULL REFERENCES accounts (id),
    test_mode              INTEGER NOT NULL,
    type                   TEXT NOT NULL,
    status                 TEXT NOT NULL,
    project                TEXT,
    batch                  TEXT,
    unique_id              TEXT,
    customer_review_status TEXT,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    completed_at           TEXT,
    -- When the simulated workforce may pick a pending live task up; NULL when it is not queued.
    work_due_at            TEXT,
    doc                    TEXT NOT NULL
);
-- A unique_id is unique within one account and mode; several NULLs are allowed on both databases.
CREATE UNIQUE INDEX tasks_unique_id ON tasks (account_id, test_mode, unique_id);
CREATE INDEX tasks_by_created ON tasks (account_id, test_mode, created_at, id);
CREATE INDEX tasks_by_updated ON tasks (account_id, test_mode, updated_at);
CREATE INDEX tasks_by_batch ON tasks (account_id, test_mode, batch);
CREATE INDEX tasks_work_queue ON tasks (status, work_due_at);

CREATE TABLE task_tags (
    task_id TEXT NOT NULL REFERENCES tasks (id),
    tag     TEXT NOT NULL,
    PRIMARY KEY (task_id, tag)
);
CREATE INDEX task_tags_by_tag ON task_tags (tag);

-- Idempotency-Key header on task creation: a replay gets 409, as on Scale.
CREATE TABLE idempotency_keys (
    account_id TEXT NOT NULL,
    test_mode  INTEGER NOT NULL,
    idem_key   TEXT NOT NULL,
    task_id    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, test_mode, idem_key)
);

CREATE TABLE audits (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    test_mode    INTEGER NOT NULL,
    task_id      TEXT NOT NULL,
    audit_source TEXT NOT NULL,
    audit_result TEXT NOT NULL,
    audited_at   TEXT NOT NULL,
    doc          TEXT NOT NULL
);
CREATE INDEX audits_by_task ON audits (account_id, test_mode, task_id);

-- Training attempts of labelers on quality (calibration) tasks.
CREATE TABLE quality_attempts (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL,
    test_mode       INTEGER NOT NULL,
    quality_task_id TEXT NOT NULL,
    labeler_email   TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    doc             TEXT NOT NULL
);
CREATE INDEX quality_by_task ON quality_attempts (account_id, test_mode, quality_task_id);
CREATE INDEX quality_by_labeler ON quality_attempts (account_id, test_mode, labeler_email);

CREATE TABLE files (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    test_mode    INTEGER NOT NULL,
    project      TEXT,
    reference_id TEXT,
    sha256       TEXT,
    size_bytes   BIGINT,
    mime_type    TEXT,
    -- 'stored' once the bytes are on disk; 'fetching'/'failed' for imports by URL.
    state        TEXT NOT NULL,
    source_url   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    doc          TEXT NOT NULL
);
CREATE UNIQUE INDEX files_reference_id ON files (account_id, test_mode, reference_id);
CREATE INDEX files_by_project ON files (account_id, test_mode, project, created_at, id);
CREATE INDEX files_by_state ON files (state);

-- Large task results served through the secure response URL.
CREATE TABLE response_blobs (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    test_mode    INTEGER NOT NULL,
    task_id      TEXT NOT NULL,
    content_type TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE team_members (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    email      TEXT NOT NULL,
    role       TEXT NOT NULL,
    -- 'active', 'invited' or 'disabled'
    state      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (account_id, email)
);

CREATE TABLE studio_assignments (
    account_id TEXT NOT NULL,
    email      TEXT NOT NULL,
    project    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, email, project)
);

CREATE TABLE studio_groups (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    project    TEXT NOT NULL,
    name       TEXT NOT NULL,
    doc        TEXT NOT NULL
);

-- The callback outbox: a delivery is written in the same transaction as the change that causes it, so a
-- restart loses none; the dispatcher retries until a 2xx or the attempts run out.
CREATE TABLE callbacks (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL,
    test_mode       INTEGER NOT NULL,
    task_id         TEXT,
    batch_name      TEXT,
    url             TEXT NOT NULL,
    body            TEXT NOT NULL,
    -- 'pending', 'delivered' or 'failed'
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX callbacks_due ON callbacks (state, next_attempt_at);
CREATE INDEX callbacks_by_task ON callbacks (task_id);
