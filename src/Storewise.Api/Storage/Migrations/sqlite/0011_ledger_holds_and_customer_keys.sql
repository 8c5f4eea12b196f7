-- Redemptions and code uses held through the usage ledger (docs/decisions/0603-redemptions-through-the-ledger-hold.md,
-- docs/decisions/0604-reservations-hold-code-uses.md, docs/decisions/0605-customer-keys-normalised-once.md).

-- The ledger hold (usage_grants.reservation_id) that counts this redemption's uses toward the offer's limits;
-- NULL for redemptions made before the ledger or of offers without limits, which are counted from this table.
ALTER TABLE redemptions ADD COLUMN hold_id TEXT NULL;
-- The customer id as limits compare it (trimmed, lower-cased for all of Unicode); filled for existing rows by the
-- data step of this migration, because SQL's LOWER is ASCII-only on SQLite.
ALTER TABLE redemptions ADD COLUMN customer_key TEXT NULL;
CREATE INDEX ix_redemptions_coupon ON redemptions (tenant, coupon_id);

-- Uses of the code held by live reservations, not yet confirmed. Both the reservation's and the redemption's
-- conditional update check redemptions + held against the code's limit.
ALTER TABLE coupon_codes ADD COLUMN held BIGINT NOT NULL DEFAULT 0;

-- Set once, by the transaction whose grant filled a budget counter: the budget.exhausted event is sent once.
ALTER TABLE usage_counters ADD COLUMN exhausted_at BIGINT NULL;
