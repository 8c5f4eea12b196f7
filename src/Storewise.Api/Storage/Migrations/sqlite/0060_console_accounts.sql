-- Local accounts of the merchandiser console (docs/decisions/1102-local-console-accounts.md): one row per user of a
-- tenant, with an ASP.NET Core PasswordHasher hash and the API scopes the account's calls carry.
-- Times are Unix milliseconds (UTC).

CREATE TABLE console_accounts (
    tenant         TEXT    NOT NULL,
    user_name      TEXT    NOT NULL,     -- lower case
    password_hash  TEXT    NOT NULL,
    scopes         TEXT    NOT NULL,     -- space-separated API scopes
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    PRIMARY KEY (tenant, user_name)
);
