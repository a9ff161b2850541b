-- Listings that stay fast as the tables grow: one index per filter a listing accepts, each ending in the
-- listing's order (created_at, id) so a page is a short index range whatever its depth, and a table of task counts
-- so the exact `total` of /v1/tasks is a sum over a few rows instead of a count over every matching task.

CREATE INDEX tasks_by_project ON tasks (account_id, test_mode, project, created_at, id);
CREATE INDEX tasks_by_project_status ON tasks (account_id, test_mode, project, status, created_at, id);
DROP INDEX tasks_by_batch;
CREATE INDEX tasks_by_batch ON tasks (account_id, test_mode, batch, created_at, id);
CREATE INDEX tasks_by_status ON tasks (account_id, test_mode, status, created_at, id);
CREATE INDEX tasks_by_type ON tasks (account_id, test_mode, type, created_at, id);
CREATE INDEX tasks_by_completed ON tasks (account_id, test_mode, completed_at);
CREATE INDEX tasks_by_review ON tasks (account_id, test_mode, customer_review_status, created_at, id);
CREATE INDEX task_tags_by_tag_task ON task_tags (tag, task_id);
DROP INDEX task_tags_by_tag;

CREATE INDEX batches_by_project ON batches (account_id, test_mode, project, created_at, id);
CREATE INDEX batches_by_status ON batches (account_id, test_mode, status, created_at, id);
DROP INDEX batches_by_created;
CREATE INDEX batches_by_created ON batches (account_id, test_mode, created_at, id);

CREATE INDEX files_by_created ON files (account_id, test_mode, created_at, id);

-- How many tasks each (account, mode, project, batch, type, status) holds, changed in the same transaction as the
-- task. A task outside any project or batch counts under '' (key columns stay NOT NULL on both databases).
CREATE TABLE task_counts (
    account_id TEXT NOT NULL,
    test_mode  INTEGER NOT NULL,
    project    TEXT NOT NULL,
    batch      TEXT NOT NULL,
    type       TEXT NOT NULL,
    status     TEXT NOT NULL,
    n          BIGINT NOT NULL,
    PRIMARY KEY (account_id, test_mode, project, batch, type, status)
);

INSERT INTO task_counts (account_id, test_mode, project, batch, type, status, n)
SELECT account_id, test_mode, COALESCE(project, ''), COALESCE(batch, ''), type, status, COUNT(*)
FROM tasks
GROUP BY account_id, test_mode, COALESCE(project, ''), COALESCE(batch, ''), type, status;
