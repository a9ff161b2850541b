-- The emulator's own notes about a task (who completed it, whether to drop its unique_id on error) move out of
-- `doc`, so `doc` holds exactly the task's wire JSON and a read can send it as stored. Rows written before this
-- keep their notes inside `doc`; readers strip them there.
ALTER TABLE tasks ADD COLUMN internal TEXT;
