-- Usage limits and budgets held by reservations (docs/decisions/0602-usage-ledger-and-reservations.md).

-- A checkout's hold on offers: reserved until expires_at, then confirmed, released or expired.
CREATE TABLE reservations (
    tenant      TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    order_id    TEXT    NOT NULL,
    status      TEXT    NOT NULL,          -- 'reserved' | 'confirmed' | 'released' | 'expired'
    expires_at  BIGINT  NOT NULL,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    answer      TEXT    NOT NULL,          -- the 201 body, replayed by a repeated confirm
    PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX ux_reservations_live_order ON reservations (tenant, order_id) WHERE status IN ('reserved', 'confirmed');
CREATE INDEX ix_reservations_expiry ON reservations (status, expires_at);

-- The ledger: one row per counter a reservation moved. Live rows ('reserved', 'confirmed') sum to the counters.
CREATE TABLE usage_grants (
    tenant          TEXT    NOT NULL,
    reservation_id  TEXT    NOT NULL,
    offer_id        TEXT    NOT NULL,
    counter         TEXT    NOT NULL,      -- see usage_counters.counter
    order_id        TEXT    NOT NULL,
    code            TEXT    NULL,
    customer_key    TEXT    NULL,
    store_id        TEXT    NULL,
    period          TEXT    NOT NULL,
    amount          BIGINT  NOT NULL,      -- uses, or minor units for a money counter
    state           TEXT    NOT NULL,      -- 'reserved' | 'confirmed' | 'released'
    PRIMARY KEY (tenant, reservation_id, offer_id, counter)
);
CREATE INDEX ix_usage_grants_offer ON usage_grants (tenant, offer_id, counter);

-- What is held of each limit: 'offer', 'customer:<id>', 'code:<key>', 'uses:<store>:<period>',
-- 'money:<store>:<period>:<currency>'. The limit is checked in the UPDATE that moves it.
CREATE TABLE usage_counters (
    tenant    TEXT    NOT NULL,
    offer_id  TEXT    NOT NULL,
    counter   TEXT    NOT NULL,
    used      BIGINT  NOT NULL,
    PRIMARY KEY (tenant, offer_id, counter)
);
