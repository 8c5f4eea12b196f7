-- Code imports (with their staged rows and per-row error report), the redemption ledger and idempotency keys.
-- Times are Unix milliseconds (UTC); every key starts with the tenant.

-- One CSV upload. status: UPLOADING (internal, never listed) -> CREATED -> PROCESSING -> COMPLETED | FAILED.
-- next_seq is the cursor: staged rows with seq < next_seq are settled (committed with their counters).
CREATE TABLE code_imports (
    tenant       TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    coupon_id    TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    total_rows   INTEGER NOT NULL DEFAULT 0,
    next_seq     INTEGER NOT NULL DEFAULT 0,
    processed    INTEGER NOT NULL DEFAULT 0,
    created      INTEGER NOT NULL DEFAULT 0,
    errors       INTEGER NOT NULL DEFAULT 0,
    failure      TEXT    NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    lease_owner  TEXT    NULL,
    lease_until  BIGINT  NULL,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    PRIMARY KEY (tenant, id)
);
CREATE INDEX ix_code_imports_coupon ON code_imports (tenant, coupon_id, id);
-- The workers' queue: unfinished imports across tenants.
CREATE INDEX ix_code_imports_queue ON code_imports (status, created_at) WHERE status IN ('UPLOADING', 'CREATED', 'PROCESSING');

-- The parsed rows of an import, written while the upload streams in; removed when the import ends.
-- code_id is chosen at staging so a resumed batch inserts the same ids. error is set for rows that failed parsing.
CREATE TABLE code_import_rows (
    tenant       TEXT    NOT NULL,
    import_id    TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    line         INTEGER NOT NULL,
    code         TEXT    NOT NULL,
    code_key     TEXT    NOT NULL,
    code_id      TEXT    NOT NULL,
    error        TEXT    NULL,
    PRIMARY KEY (tenant, import_id, seq)
);
CREATE INDEX ix_code_import_rows_key ON code_import_rows (tenant, import_id, code_key, seq);

-- The per-row error report of an import (reason: invalid_code, not_one_code, duplicate_in_file, code_exists).
CREATE TABLE code_import_errors (
    tenant       TEXT    NOT NULL,
    import_id    TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    line         INTEGER NOT NULL,
    code         TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    PRIMARY KEY (tenant, import_id, seq)
);

-- The redemption ledger: one row per (order, code) redemption; a rollback stamps rolled_back_at.
-- Invariant: coupon_codes.redemptions = count of live rows of that code.
CREATE TABLE redemptions (
    tenant          TEXT    NOT NULL,
    id              TEXT    NOT NULL,
    order_id        TEXT    NOT NULL,
    code_id         TEXT    NOT NULL,
    code            TEXT    NOT NULL,
    coupon_id       TEXT    NOT NULL,
    consumer_id     TEXT    NULL,
    channel_type    TEXT    NULL,
    redeemed_at     BIGINT  NOT NULL,
    rolled_back_at  BIGINT  NULL,
    PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX ux_redemptions_live ON redemptions (tenant, order_id, code_id) WHERE rolled_back_at IS NULL;
CREATE INDEX ix_redemptions_order ON redemptions (tenant, order_id);
CREATE INDEX ix_redemptions_code ON redemptions (tenant, code_id);

-- Idempotency-Key records (Stripe semantics): claimed by insert, completed with the answer to replay.
CREATE TABLE idempotency_keys (
    tenant        TEXT    NOT NULL,
    idem_key      TEXT    NOT NULL,
    request_hash  TEXT    NOT NULL,
    state         TEXT    NOT NULL,          -- 'in_flight' | 'done'
    status        INTEGER NULL,
    body          TEXT    NULL,
    created_at    BIGINT  NOT NULL,
    PRIMARY KEY (tenant, idem_key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (tenant, created_at);
