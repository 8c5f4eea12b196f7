-- Offer changes found without reading every offer (docs/decisions/0523-offer-rows-stamped-with-the-catalogue-version.md):
-- each offer row carries the catalogue version of the transaction that last wrote it, and a removed offer leaves its
-- id with the version that removed it. An instance whose set holds version V reads the rows and removals above V.
-- Rows written before this migration keep 0: every instance compiles them afresh when it starts.
-- stamped_versions counts the versions taken by writes that stamp: during a rolling upgrade an instance of the
-- previous release bumps the version without stamping, which moves version - stamped_versions, and a set that sees
-- it move is compiled afresh instead of derived.
ALTER TABLE catalogue_versions ADD COLUMN stamped_versions BIGINT NOT NULL DEFAULT 0;
ALTER TABLE offers ADD COLUMN written_at_version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_offers_written_at_version ON offers (tenant, written_at_version);

CREATE TABLE offer_removals (
    tenant              TEXT    NOT NULL,
    id                  TEXT    NOT NULL,
    removed_at_version  BIGINT  NOT NULL,
    PRIMARY KEY (tenant, id)
);
CREATE INDEX ix_offer_removals_version ON offer_removals (tenant, removed_at_version);
