-- The expiry sweep's index holds only live holds (docs/decisions/0610-reservation-confirm-by-primary-key.md). Keyed
-- by (status, expires_at), a confirm moved its row to a second place in the index, and the old entries of confirmed
-- rows (status 'reserved', expiry in the future) stayed until vacuum: a planner with fresh statistics took that index
-- for the confirm's update and read all of them. A confirmed, released or expired row now leaves the index.
DROP INDEX ix_reservations_expiry;
CREATE INDEX ix_reservations_expiry ON reservations (expires_at) WHERE status = 'reserved';
