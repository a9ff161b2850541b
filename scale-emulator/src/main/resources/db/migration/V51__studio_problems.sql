-- Problems labelers report on a task in the browser UI (a broken or wrong attachment, unclear instructions). An
-- open problem keeps its task out of every labeler's queue until a manager fixes the attachment, cancels the task
-- or returns it to the queue.
CREATE TABLE studio_problems (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    task_id     TEXT NOT NULL,
    reported_by TEXT NOT NULL,
    reason      TEXT NOT NULL,
    comment     TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    state       TEXT NOT NULL,
    resolved_by TEXT,
    resolved_at TEXT
);
CREATE INDEX studio_problems_open ON studio_problems (account_id, state, reported_at);
CREATE INDEX studio_problems_by_task ON studio_problems (task_id);
