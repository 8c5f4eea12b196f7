-- Configuration: the TPPE integration section, the sales-order configuration keys, the order id counter,
-- and the Data Protection key ring that encrypts the secrets stored here (shared by every instance).
-- Times are Unix milliseconds (UTC).

CREATE TABLE integration_configs (
    tenant              TEXT    NOT NULL,
    section             TEXT    NOT NULL,    -- 'tppe'
    session_update_url  TEXT    NULL,
    auth_token          TEXT    NULL,        -- Data Protection payload, never plain text
    updated_at          BIGINT  NOT NULL,
    updated_by          TEXT    NOT NULL,
    PRIMARY KEY (tenant, section)
);

CREATE TABLE sales_order_configs (
    tenant       TEXT    NOT NULL,
    config_key   TEXT    NOT NULL,
    value_json   TEXT    NOT NULL,           -- the value as returned, without secrets
    secret       TEXT    NULL,               -- Data Protection payload (external_order_webhook api_key)
    row_version  BIGINT  NOT NULL,           -- compare-and-swap: a writer that read another version loses
    updated_at   BIGINT  NOT NULL,
    updated_by   TEXT    NOT NULL,
    PRIMARY KEY (tenant, config_key)
);

-- One row per tenant once a sequence is configured; next_number is taken atomically by UPDATE ... RETURNING.
CREATE TABLE order_id_counters (
    tenant       TEXT    NOT NULL PRIMARY KEY,
    prefix       TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    step         BIGINT  NOT NULL,
    max_number   BIGINT  NOT NULL,           -- the largest number that fits in size digits (and cannot overflow)
    next_number  BIGINT  NOT NULL
);

-- Deployment-wide, not per tenant: every instance must read the same keys to decrypt what another wrote.
CREATE TABLE data_protection_keys (
    friendly_name TEXT   NOT NULL PRIMARY KEY,
    xml           TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);
