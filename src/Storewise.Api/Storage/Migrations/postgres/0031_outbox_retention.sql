-- Outbox retention (docs/decisions/0806-outbox-retention.md): the pruner finds old events by time and checks
-- each one's deliveries by event id.
CREATE INDEX ix_outbox_events_occurred ON outbox_events (occurred_at);
CREATE INDEX ix_webhook_deliveries_event ON webhook_deliveries (tenant, event_id);
