-- Every written version of every promotion and coupon, immutable: one row per write, added in the transaction
-- of the write itself (docs/decisions/0701-offer-history.md). Offers stored before this script get their
-- current version as revision 1, dated by their last write.

CREATE TABLE offer_history (
    tenant       TEXT    NOT NULL,
    type         TEXT    NOT NULL,           -- 'promotion' | 'coupon'
    id           TEXT    NOT NULL,
    revision     INTEGER NOT NULL,           -- 1, 2, 3... per offer
    version      TEXT    NOT NULL,           -- the offer's version token after the write
    document     TEXT    NOT NULL,           -- offers.document as written
    recorded_at  BIGINT  NOT NULL,           -- the write's time (the offer's updatedAt)
    recorded_by  TEXT    NOT NULL,
    PRIMARY KEY (tenant, type, id, revision)
);

INSERT INTO offer_history (tenant, type, id, revision, version, document, recorded_at, recorded_by)
SELECT tenant, type, id, 1, version, document, updated_at, updated_by FROM offers;
