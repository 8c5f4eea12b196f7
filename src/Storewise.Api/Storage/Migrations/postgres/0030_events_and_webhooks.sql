-- The transactional outbox and webhook delivery (docs/decisions/0801-transactional-outbox.md).
-- Times are Unix milliseconds (UTC). Flags are INTEGER 0/1 on both providers.

-- One row per event, written in the transaction of the change it describes; payload is the envelope as sent.
CREATE TABLE outbox_events (
    tenant       TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    type         TEXT    NOT NULL,
    subject_id   TEXT    NOT NULL,
    occurred_at  BIGINT  NOT NULL,
    payload      TEXT    NOT NULL,
    PRIMARY KEY (tenant, id)
);

CREATE TABLE webhook_endpoints (
    tenant          TEXT    NOT NULL,
    id              TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    event_types     TEXT    NOT NULL,    -- ',a,b,' (each type between commas) or '*'
    description     TEXT    NULL,
    secret          TEXT    NOT NULL,    -- Data Protection payload, never plain text
    enabled         INTEGER NOT NULL,
    disabled_reason TEXT    NULL,
    failing_since   BIGINT  NULL,        -- first failed attempt since the last success
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    PRIMARY KEY (tenant, id)
);

-- One row per event and target (a webhook endpoint, or 'tppe' for the tenant's TPPE session update URL).
-- seq orders the deliveries of one subject; a delivery waits while an earlier one of its subject is pending.
CREATE TABLE webhook_deliveries (
    seq              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant           TEXT    NOT NULL,
    id               TEXT    NOT NULL,
    endpoint_id      TEXT    NOT NULL,
    event_id         TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    status           TEXT    NOT NULL,    -- pending, delivered, failed
    attempts         INTEGER NOT NULL,
    next_attempt_at  BIGINT  NOT NULL,
    window_start     BIGINT  NOT NULL,    -- retries end RetryForSeconds after this (reset by a redelivery)
    lease_owner      TEXT    NULL,
    lease_until      BIGINT  NULL,
    last_status_code INTEGER NULL,
    last_error       TEXT    NULL,
    last_attempt_at  BIGINT  NULL,
    created_at       BIGINT  NOT NULL,
    settled_at       BIGINT  NULL
);

CREATE UNIQUE INDEX ux_webhook_deliveries_id ON webhook_deliveries (tenant, id);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_webhook_deliveries_subject ON webhook_deliveries (tenant, endpoint_id, subject, seq) WHERE status = 'pending';
CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (tenant, endpoint_id, seq);
