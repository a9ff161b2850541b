-- Studio data follows the world (live or test) of the projects it names, as projects and batches do; V1 kept
-- it per account only. Both tables were unused before this migration, so they are rebuilt with `test_mode`
-- (defaulting to live, so inserts written against V1 keep working).

DROP TABLE studio_assignments;
CREATE TABLE studio_assignments (
    account_id TEXT NOT NULL,
    test_mode  INTEGER NOT NULL DEFAULT 0,
    email      TEXT NOT NULL,
    project    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, test_mode, email, project)
);

DROP TABLE studio_groups;
CREATE TABLE studio_groups (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    test_mode  INTEGER NOT NULL DEFAULT 0,
    project    TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc        TEXT NOT NULL
);
CREATE UNIQUE INDEX studio_groups_by_name ON studio_groups (account_id, test_mode, project, name);

-- The worker groups a Studio batch is offered to: a JSON array of group names. Kept out of batches.doc so it
-- never leaks into the Batch object or its callback.
ALTER TABLE batches ADD COLUMN studio_groups TEXT;
