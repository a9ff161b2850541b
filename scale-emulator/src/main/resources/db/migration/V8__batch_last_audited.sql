-- When a task of the batch was last audited, kept on the batch row (set with each audit) so the batch listing's
-- audited_after/audited_before filters read one column instead of joining audits to tasks for every batch.
ALTER TABLE batches ADD COLUMN last_audited_at TEXT;

UPDATE batches SET last_audited_at = (
    SELECT MAX(au.audited_at) FROM audits au JOIN tasks t ON t.id = au.task_id
    WHERE t.account_id = batches.account_id AND t.test_mode = batches.test_mode AND t.batch = batches.name);
