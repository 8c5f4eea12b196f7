-- Core catalogue: promotions and coupons (one table, told apart by type), their codes, and the per-tenant
-- catalogue version that tells every instance its cached promotion set is stale.
-- Times are Unix milliseconds (UTC); every key starts with the tenant.

CREATE TABLE offers (
    tenant       TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    type         TEXT    NOT NULL,           -- 'promotion' | 'coupon'
    name         TEXT    NOT NULL,
    name_key     TEXT    NOT NULL,           -- upper-cased name: unique per tenant and type
    kind         TEXT    NOT NULL,           -- category kind
    active       INTEGER NOT NULL,
    valid_from   BIGINT  NOT NULL,
    valid_to     BIGINT  NULL,
    segment_key   TEXT   NULL,
    segment_value TEXT   NULL,
    external_id  TEXT    NULL,
    document     TEXT    NOT NULL,           -- the resource as JSON (fields as the API returns them)
    version      TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    created_by   TEXT    NOT NULL,
    updated_at   BIGINT  NOT NULL,
    updated_by   TEXT    NOT NULL,
    PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX ux_offers_name ON offers (tenant, type, name_key);
CREATE UNIQUE INDEX ux_offers_external_id ON offers (tenant, type, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX ix_offers_type_id ON offers (tenant, type, id);
CREATE INDEX ix_offers_type_kind ON offers (tenant, type, kind, id);
CREATE INDEX ix_offers_type_active ON offers (tenant, type, active, id);

CREATE TABLE coupon_codes (
    tenant       TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    coupon_id    TEXT    NOT NULL,
    code         TEXT    NOT NULL,           -- as created
    code_key     TEXT    NOT NULL,           -- upper-cased: codes are unique per tenant, case-insensitive
    active       INTEGER NOT NULL,
    redemptions  INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX ux_coupon_codes_key ON coupon_codes (tenant, code_key);
CREATE INDEX ix_coupon_codes_coupon ON coupon_codes (tenant, coupon_id, id);

CREATE TABLE catalogue_versions (
    tenant       TEXT    NOT NULL PRIMARY KEY,
    version      BIGINT  NOT NULL
);
