-- Batch settlement that holds across nodes sharing one database. Each batch row keeps how many of its tasks are
-- pending; a task leaving `pending` decrements it in the same transaction, and the batch completes through a
-- conditional update on that counter, so concurrent completions on any nodes complete it exactly once (the row
-- lock serialises the decrements).

ALTER TABLE batches ADD COLUMN pending_tasks INTEGER NOT NULL DEFAULT 0;

UPDATE batches SET pending_tasks = (
    SELECT COUNT(*) FROM tasks t
    WHERE t.account_id = batches.account_id AND t.test_mode = batches.test_mode
      AND t.batch = batches.name AND t.status = 'pending');

-- A delivery that must wait for another one to settle first (a batch callback waits for the callback of the task
-- that completed the batch).
ALTER TABLE callbacks ADD COLUMN after_id TEXT;
