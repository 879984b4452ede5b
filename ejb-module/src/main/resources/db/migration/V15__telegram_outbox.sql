-- Replies on their way to Telegram (docs/BOT.md, "Exactly once"): inserted in the update's
-- transaction, deleted once Telegram took them. Each row is leased to the node sending it, which
-- renews its leases while it runs; a row whose lease ran out was left by a node that stopped, and
-- another node claims and sends it. The text is sealed by ContentCipher (bound to the row id), like
-- the conversation it belongs to.
CREATE TABLE telegram_outbox (
    id           uuid          PRIMARY KEY,
    seq          bigserial     NOT NULL,
    chat_id      bigint        NOT NULL,
    key_id       varchar(64)   NOT NULL,
    text_cipher  bytea         NOT NULL,
    lease_owner  varchar(64)   NOT NULL,
    lease_until  timestamptz   NOT NULL,
    created_at   timestamptz   NOT NULL
);
-- No index but the key: a row lives from its update's commit to its delivery (milliseconds to
-- seconds), so the table stays small and the sweep's and the renewal's scans are cheap, while an index
-- on lease_until would make every renewal a non-HOT update that rewrites every index.
