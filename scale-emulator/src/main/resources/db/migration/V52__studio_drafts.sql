-- Work in progress on the browser UI's annotation screens, saved as the person works: one draft per task and
-- person, restored on reload, on another device or after signing in again, and deleted when they submit.
CREATE TABLE studio_drafts (
    task_id    TEXT NOT NULL,
    email      TEXT NOT NULL,
    account_id TEXT NOT NULL,
    draft      TEXT NOT NULL,
    saved_at   TEXT NOT NULL,
    PRIMARY KEY (task_id, email)
);
