-- The browser UI's own tables (package web). Emails are stored lower-cased. Secrets are never stored as given:
-- passwords as bcrypt hashes, set-password links and session ids as SHA-256 digests.

-- A teammate who has chosen a password; roles stay in team_members, so a role change applies at once.
CREATE TABLE ui_users (
    account_id    TEXT NOT NULL,
    email         TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (account_id, email)
);

-- One-time links to choose a password; using one removes every link of that teammate.
CREATE TABLE ui_password_links (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    email      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX ui_password_links_by_email ON ui_password_links (account_id, email);

CREATE TABLE ui_sessions (
    id_hash    TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    email      TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Tasks a labeler skipped: the queue offers them again only when nothing else is left.
CREATE TABLE ui_skips (
    account_id TEXT NOT NULL,
    email      TEXT NOT NULL,
    task_id    TEXT NOT NULL,
    skipped_at TEXT NOT NULL,
    PRIMARY KEY (account_id, email, task_id)
);
