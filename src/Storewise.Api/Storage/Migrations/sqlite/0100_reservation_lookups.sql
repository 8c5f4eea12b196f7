-- Reservations and their grants found by id (docs/decisions/0608-reservation-throughput.md): the secondary indexes
-- lead with the order and the offer, so a statement naming only the tenant and the reservation's id can use nothing
-- but the primary key. Led by the tenant, they cost the same to a planner without statistics (a new table), which
-- took the live-order index for the confirm's lookup and scanned every live reservation of the tenant on each one.
DROP INDEX ux_reservations_live_order;
CREATE UNIQUE INDEX ux_reservations_live_order ON reservations (order_id, tenant) WHERE status IN ('reserved', 'confirmed');
DROP INDEX ix_usage_grants_offer;
CREATE INDEX ix_usage_grants_offer ON usage_grants (offer_id, counter, tenant);
