-- The cart log (docs/decisions/0703-cart-log.md): a per-tenant setting, off unless set, and the sampled cart
-- requests, kept for the setting's retention. The log holds customer ids (docs/operations.md).

CREATE TABLE cart_log_settings (
    tenant          TEXT    NOT NULL PRIMARY KEY,
    sample_ppm      INTEGER NOT NULL,        -- sample rate in parts per million (0 = off, 1000000 = every cart)
    retention_days  INTEGER NOT NULL,
    version         TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL,
    updated_by      TEXT    NOT NULL
);

CREATE TABLE cart_log (
    tenant       TEXT    NOT NULL,
    logged_at    BIGINT  NOT NULL,           -- when the cart was priced (Unix ms)
    seq          BIGINT  NOT NULL,           -- random: tells apart carts of one millisecond
    store_id     TEXT    NULL,
    cart         TEXT    NOT NULL,           -- the validated cart, compact JSON (LoggedCart)
    PRIMARY KEY (tenant, logged_at, seq)
);
