-- The owner's consent to an upload (issue 24): who confirmed, when, for which chat import, and to
-- which statement ("I may use this chat, and the person I imitate has agreed to it"). One row per
-- import, written in the transaction that creates the import, on every path (website and API); a
-- persona without one cannot be created. Imports made before this migration have none: their
-- consent was asked by the wizard but not recorded, and the API did not ask.
CREATE TABLE upload_consent (
    import_id   uuid          PRIMARY KEY REFERENCES chat_import (id) ON DELETE CASCADE,
    account_id  uuid          NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    given_at    timestamptz   NOT NULL,
    statement   varchar(40)   NOT NULL
);
CREATE INDEX upload_consent_account_ix ON upload_consent (account_id);
