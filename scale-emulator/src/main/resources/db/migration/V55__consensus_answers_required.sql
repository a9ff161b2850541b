-- How many people a consensus task needed when its first answer came in. A task's number of labelers is fixed from
-- then on, so changing the project's labelers_per_task afterwards never strands a task between its answers (the
-- new setting applies to tasks nobody has answered yet). Rows from before this column count the project's setting.
ALTER TABLE studio_consensus_answers ADD COLUMN required INTEGER;
