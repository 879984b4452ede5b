-- Bad records the import step skipped are counted on the run and named by position and reason
-- (never by their text: chat content is only stored encrypted). The run's evaluation figures
-- (already a column, metrics) arrive after the model is published; evaluated_at says when.
ALTER TABLE training_run ADD COLUMN skipped_records integer NOT NULL DEFAULT 0;
ALTER TABLE training_run ADD COLUMN evaluated_at timestamptz;

CREATE TABLE training_skip (
    run_id    uuid          NOT NULL REFERENCES training_run (id) ON DELETE CASCADE,
    position  bigint        NOT NULL,
    reason    varchar(500)  NOT NULL,
    PRIMARY KEY (run_id, position)
);
