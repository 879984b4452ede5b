-- Access tokens bind Telegram chats to personas. Only a SHA-256 hash of a token is stored.
CREATE TABLE access_token (
    id                uuid          PRIMARY KEY,
    persona_id        uuid          NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    owner_id          uuid          NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    label             varchar(100)  NOT NULL,
    token_hash        bytea         NOT NULL UNIQUE,
    created_at        timestamptz   NOT NULL,
    expires_at        timestamptz,
    last_used_at      timestamptz,
    revoked_at        timestamptz,
    telegram_user_id  bigint
);
CREATE INDEX access_token_persona_ix ON access_token (persona_id);

-- A running training says it is alive; a run whose node died is found by its silence.
ALTER TABLE training_run ADD COLUMN heartbeat_at timestamptz;
