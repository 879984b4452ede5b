-- Telegram bot: which personas a chat is bound to, what was said (encrypted), which updates were
-- handled (exactly once: inserted in the same transaction as the update's effect) and where
-- long polling resumes.

-- No foreign keys to persona/access_token: when either disappears the bot notices (standing
-- DELETED), tells the chat and unbinds; the persona name is kept for that message.
CREATE TABLE telegram_binding (
    chat_id          bigint        NOT NULL,
    persona_id       uuid          NOT NULL,
    persona_name     varchar(100)  NOT NULL,
    access_token_id  uuid          NOT NULL,
    active           boolean       NOT NULL,
    bound_at         timestamptz   NOT NULL,
    PRIMARY KEY (chat_id, persona_id)
);
CREATE UNIQUE INDEX telegram_binding_one_active_ix ON telegram_binding (chat_id) WHERE active;

-- The last turns per chat and persona (the code keeps a bounded number), sealed by ContentCipher.
CREATE TABLE telegram_turn (
    id           uuid          PRIMARY KEY,
    seq          bigserial     NOT NULL,
    chat_id      bigint        NOT NULL,
    persona_id   uuid          NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    speaker      varchar(10)   NOT NULL,
    key_id       varchar(64)   NOT NULL,
    text_cipher  bytea         NOT NULL,
    created_at   timestamptz   NOT NULL
);
CREATE INDEX telegram_turn_chat_ix ON telegram_turn (chat_id, persona_id, seq);

CREATE TABLE telegram_update (
    update_id   bigint       PRIMARY KEY,
    handled_at  timestamptz  NOT NULL
);

CREATE TABLE telegram_poll_offset (
    id           smallint  PRIMARY KEY CHECK (id = 1),
    next_offset  bigint    NOT NULL
);
INSERT INTO telegram_poll_offset (id, next_offset) VALUES (1, 0);
