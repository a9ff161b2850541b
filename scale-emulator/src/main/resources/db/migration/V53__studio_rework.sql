-- The rework loop of the browser UI: each rejected attempt at a task, with the answer that was rejected, the
-- manager's comment and who must redo it (the labeler who answered, or anyone on the project when null). A row is
-- OPEN until the task is resubmitted; all rows of a task are its history of attempts.
CREATE TABLE studio_rework (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL,
    task_id        TEXT NOT NULL,
    attempt        INTEGER NOT NULL,
    labeler        TEXT,
    response       TEXT NOT NULL,
    comment        TEXT NOT NULL,
    rejected_by    TEXT NOT NULL,
    rejected_at    TEXT NOT NULL,
    assignee       TEXT,
    state          TEXT NOT NULL,
    resubmitted_by TEXT,
    resubmitted_at TEXT
);
CREATE INDEX studio_rework_by_task ON studio_rework (task_id, attempt);
CREATE INDEX studio_rework_open ON studio_rework (account_id, state);
