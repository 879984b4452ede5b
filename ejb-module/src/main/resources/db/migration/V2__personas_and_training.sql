-- Personas, the chats they learn from, their training runs and model versions.
-- Message text is stored encrypted (AES-256-GCM); key_id names the key so keys can rotate.

CREATE TABLE persona (
    id               uuid         PRIMARY KEY,
    owner_id         uuid         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name             varchar(100) NOT NULL,
    person           varchar(200) NOT NULL,
    status           varchar(20)  NOT NULL,
    active_model_id  uuid,
    scrub            boolean      NOT NULL DEFAULT true,
    created_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);
CREATE INDEX persona_owner_ix ON persona (owner_id);

CREATE TABLE chat_import (
    id             uuid          PRIMARY KEY,
    persona_id     uuid          NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    format         varchar(40)   NOT NULL,
    file_name      varchar(255)  NOT NULL,
    size_bytes     bigint        NOT NULL,
    message_count  integer       NOT NULL DEFAULT 0,
    skipped_count  integer       NOT NULL DEFAULT 0,
    imported_at    timestamptz
);
CREATE INDEX chat_import_persona_ix ON chat_import (persona_id);

CREATE TABLE chat_message (
    import_id    uuid         NOT NULL REFERENCES chat_import (id) ON DELETE CASCADE,
    seq          integer      NOT NULL,
    sender       bytea        NOT NULL,
    sent_at      timestamptz  NOT NULL,
    key_id       varchar(40)  NOT NULL,
    text_cipher  bytea        NOT NULL,
    PRIMARY KEY (import_id, seq)
);

CREATE TABLE training_run (
    id              uuid          PRIMARY KEY,
    persona_id      uuid          NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    owner_id        uuid          NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    status          varchar(20)   NOT NULL,
    phase           varchar(20)   NOT NULL,
    percent         real          NOT NULL DEFAULT 0,
    step            bigint        NOT NULL DEFAULT 0,
    total_steps     bigint        NOT NULL DEFAULT 0,
    loss            real,
    eta_seconds     bigint,
    seed            bigint        NOT NULL,
    failure_reason  varchar(2000),
    metrics         text,
    job_execution   bigint,
    queued_at       timestamptz   NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    version         bigint        NOT NULL DEFAULT 0
);
CREATE INDEX training_run_queue_ix ON training_run (status, queued_at);
CREATE INDEX training_run_persona_ix ON training_run (persona_id);

CREATE TABLE training_loss (
    run_id       uuid         NOT NULL REFERENCES training_run (id) ON DELETE CASCADE,
    step         bigint       NOT NULL,
    loss         real         NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    PRIMARY KEY (run_id, step)
);

CREATE TABLE training_checkpoint (
    run_id      uuid         PRIMARY KEY REFERENCES training_run (id) ON DELETE CASCADE,
    step        bigint       NOT NULL,
    state       bytea        NOT NULL,
    updated_at  timestamptz  NOT NULL
);

CREATE TABLE model_version (
    id              uuid          PRIMARY KEY,
    persona_id      uuid          NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    run_id          uuid          REFERENCES training_run (id) ON DELETE SET NULL,
    format_version  integer       NOT NULL,
    artifact        bytea         NOT NULL,
    size_bytes      bigint        NOT NULL,
    created_at      timestamptz   NOT NULL
);
CREATE INDEX model_version_persona_ix ON model_version (persona_id);

ALTER TABLE persona ADD CONSTRAINT persona_active_model_fk
    FOREIGN KEY (active_model_id) REFERENCES model_version (id) ON DELETE SET NULL;
