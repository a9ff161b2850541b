-- What each person did in the browser UI, for the dashboard's per-labeler statistics: one row per answer submitted
-- (a first answer or a rework), with when they started on it and when they submitted. Times are epoch
-- milliseconds. started_at is the later of the task's reservation and the person's previous submit, so a task
-- reserved ahead of time (the next task, prefetched while the current one is open) counts only from the moment the
-- person could turn to it.
CREATE TABLE studio_work (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    task_id     TEXT NOT NULL,
    project     TEXT NOT NULL,
    email       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT NOT NULL
);
CREATE INDEX studio_work_by_account ON studio_work (account_id, finished_at);
CREATE INDEX studio_work_by_person ON studio_work (account_id, email, finished_at);
