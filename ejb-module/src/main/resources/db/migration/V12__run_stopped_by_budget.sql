-- A run whose training stopped at its time budget publishes the model it has: the run says so,
-- with the steps done of those planned (step, total_steps), instead of passing as complete.
ALTER TABLE training_run ADD COLUMN stopped_by_budget boolean NOT NULL DEFAULT false;
