-- Reservations found by id (docs/decisions/0608-reservation-throughput.md): the index that keeps one live
-- reservation per order leads with the order, so a statement naming only the tenant and the reservation's id can
-- use nothing but the primary key. Led by the tenant, a planner without statistics (a new table) took it for the
-- confirm's lookup and scanned every live reservation of the tenant on each confirm.
DROP INDEX ux_reservations_live_order;
CREATE UNIQUE INDEX ux_reservations_live_order ON reservations (order_id, tenant) WHERE status IN ('reserved', 'confirmed');
