-- Accounts of the people who use Persona Studio.
CREATE TABLE account (
    id            uuid         PRIMARY KEY,
    email         varchar(254) NOT NULL,
    display_name  varchar(100) NOT NULL,
    password_hash varchar(512) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0
);

-- E-mail addresses are compared without regard to case.
CREATE UNIQUE INDEX account_email_uq ON account (lower(email));
