-- The store registry (docs/decisions/1002-store-registry-and-time-reading.md): each store's name and IANA time
-- zone, read with the catalogue so a cart finds its store's zone without a round trip; and the tenant's reading
-- of localizedTimezone (utc or storeLocal).

CREATE TABLE stores (
    tenant       TEXT    NOT NULL,
    store_id     TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    time_zone    TEXT    NULL,               -- IANA id; null means the store's carts read store-local times as UTC
    version      TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    created_by   TEXT    NOT NULL,
    updated_at   BIGINT  NOT NULL,
    updated_by   TEXT    NOT NULL,
    PRIMARY KEY (tenant, store_id)
);

CREATE TABLE time_reading (
    tenant              TEXT    NOT NULL PRIMARY KEY,
    localized_timezone  TEXT    NOT NULL,    -- utc or storeLocal
    version             TEXT    NOT NULL,
    updated_at          BIGINT  NOT NULL,
    updated_by          TEXT    NOT NULL
);
