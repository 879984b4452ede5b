-- An upload waiting for its import, sealed in chunks (AES-256-GCM, like chat_message): the node
-- that claims the run from the shared queue reads it here. Removed when the import is done.
CREATE TABLE chat_upload (
    import_id  uuid         NOT NULL REFERENCES chat_import (id) ON DELETE CASCADE,
    seq        integer      NOT NULL,
    key_id     varchar(40)  NOT NULL,
    chunk      bytea        NOT NULL,
    PRIMARY KEY (import_id, seq)
);
