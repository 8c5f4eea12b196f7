-- Promotions configuration per tenant: the global product exclusion list and the coupon stacking mode
-- (SPEC 1.5, D1), plus indexes for the remaining offer list filters (validFrom, validTo, segment).

CREATE TABLE product_exclusions (
    tenant       TEXT    NOT NULL PRIMARY KEY,
    ids          TEXT    NOT NULL,           -- JSON array of product ids, duplicates removed, in the order sent
    version      TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    created_by   TEXT    NOT NULL,
    updated_at   BIGINT  NOT NULL,
    updated_by   TEXT    NOT NULL
);

CREATE TABLE coupon_stacking (
    tenant       TEXT    NOT NULL PRIMARY KEY,
    stackable    BOOLEAN NOT NULL,           -- false = legacy: at most one coupon per cart
    version      TEXT    NOT NULL,
    updated_at   BIGINT  NOT NULL,
    updated_by   TEXT    NOT NULL
);

CREATE INDEX ix_offers_type_valid_from ON offers (tenant, type, valid_from);
CREATE INDEX ix_offers_type_valid_to ON offers (tenant, type, valid_to);
CREATE INDEX ix_offers_type_segment_key ON offers (tenant, type, segment_key);
CREATE INDEX ix_offers_type_segment_value ON offers (tenant, type, segment_value);
