using Dapper;
using Storewise.Api.Common;
using Storewise.Api.Events;
using Storewise.Api.Storage;

namespace Storewise.Api.Webhooks;

/// <summary>
/// Hands deliveries to workers across instances (docs/decisions/0802-webhook-delivery.md): a worker leases a batch of
/// due deliveries with one conditional UPDATE, so two workers never hold the same one; a delivery waits while an
/// earlier delivery of its subject to the same target is pending, which keeps each subject in commit order.
/// </summary>
public sealed class DeliveryQueue(Database database, TimeProvider clock, WebhookOptions options)
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = Timestamps.ToUnixMs(clock.GetUtcNow());
        // The lease end is made unique to this claim, so the claimed rows can be read back by it.
        var until = now + options.LeaseSeconds * 1000L + Random.Shared.Next(0, 1000);
        var args = new { owner, now, until, batch = options.BatchSize, pending = DeliveryStatus.Pending, tppe = Outbox.TppeTarget, section = TppeIntegration.IntegrationConfigEndpoints.TppeSection };
        var claimed = await database.WriteAsync(connection, async (c, tx) => WriteOutcome.Commit(await c.ExecuteAsync(
            // The status is a literal, not a parameter: only then can PostgreSQL's generic plan use the partial
            // indexes on pending rows (with a parameter, each claim scans every pending row for each candidate).
            $"""
            UPDATE webhook_deliveries SET lease_owner = @owner, lease_until = @until
            WHERE seq IN (
                SELECT d.seq FROM webhook_deliveries d
                WHERE d.status = '{DeliveryStatus.Pending}' AND d.next_attempt_at <= @now AND (d.lease_until IS NULL OR d.lease_until < @now)
                  AND NOT EXISTS (
                      SELECT 1 FROM webhook_deliveries p
                      WHERE p.tenant = d.tenant AND p.endpoint_id = d.endpoint_id AND p.subject = d.subject AND p.status = '{DeliveryStatus.Pending}' AND p.seq < d.seq)
                  AND (d.endpoint_id = @tppe OR EXISTS (
                      SELECT 1 FROM webhook_endpoints e WHERE e.tenant = d.tenant AND e.id = d.endpoint_id AND e.enabled = 1))
                ORDER BY d.seq LIMIT @batch)
              AND status = '{DeliveryStatus.Pending}' AND (lease_until IS NULL OR lease_until < @now)
            """,
            args,
            tx)), cancellationToken);
        if (claimed == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<ClaimedDelivery>(
            """
            SELECT d.seq AS Seq, d.tenant AS Tenant, d.endpoint_id AS EndpointId, d.event_id AS EventId, o.subject_id AS SubjectId,
                   o.payload AS Payload, o.occurred_at AS OccurredAt, d.window_start AS WindowStart, d.attempts AS Attempts,
                   COALESCE(e.url, c.session_update_url) AS Url, COALESCE(e.secret, c.auth_token) AS Secret
            FROM webhook_deliveries d
            JOIN outbox_events o ON o.tenant = d.tenant AND o.id = d.event_id
            LEFT JOIN webhook_endpoints e ON e.tenant = d.tenant AND e.id = d.endpoint_id
            LEFT JOIN integration_configs c ON c.tenant = d.tenant AND c.section = @section AND d.endpoint_id = @tppe
            WHERE d.lease_owner = @owner AND d.lease_until = @until AND d.status = @pending
            ORDER BY d.seq
            """,
            args);
        return rows.AsList();
    }

    /// <summary>
    /// Records a batch of attempts in one transaction: delivered, retried later, or failed for good once the retry
    /// window is over; an endpoint failing for longer than <see cref="WebhookOptions.DisableAfterSeconds"/> is disabled,
    /// and that is an event too. Results of deliveries whose lease this worker lost are dropped.
    /// </summary>
    public Task CompleteAsync(string owner, IReadOnlyList<AttemptResult> results, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = Timestamps.ToUnixMs(now);
            var events = new List<OutboxEvent>();
            // Successes are settled a status code at a time in one statement each; the batch is usually all 2xx.
            var inSeqs = database.Dialect.In("seq", "seqs");
            foreach (var group in results.Where(r => r.Delivered).GroupBy(r => r.StatusCode))
            {
                await connection.ExecuteAsync(
                    $"""
                    UPDATE webhook_deliveries SET status = @delivered, attempts = attempts + 1, last_status_code = @code, last_error = NULL,
                        last_attempt_at = @nowMs, settled_at = @nowMs, lease_owner = NULL, lease_until = NULL
                    WHERE {inSeqs} AND lease_owner = @owner AND status = @pending
                    """,
                    new { delivered = DeliveryStatus.Delivered, code = group.Key, nowMs, seqs = group.Select(r => r.Delivery.Seq).ToArray(), owner, pending = DeliveryStatus.Pending },
                    tx);
            }

            foreach (var (tenant, endpointId) in results.Where(r => r.Delivered && r.Delivery.EndpointId != Outbox.TppeTarget)
                .Select(r => (r.Delivery.Tenant, r.Delivery.EndpointId)).Distinct())
            {
                await connection.ExecuteAsync(
                    "UPDATE webhook_endpoints SET failing_since = NULL WHERE tenant = @tenant AND id = @endpointId AND failing_since IS NOT NULL",
                    new { tenant, endpointId },
                    tx);
            }

            foreach (var result in results.Where(r => !r.Delivered))
            {
                var d = result.Delivery;
                var attempts = d.Attempts + 1;
                var expired = nowMs >= d.WindowStart + (long)(options.RetryForSeconds * 1000);
                var status = expired ? DeliveryStatus.Failed : DeliveryStatus.Pending;
                var next = expired ? nowMs : Timestamps.ToUnixMs(now + RetrySchedule.DelayAfter(attempts, options));
                var changed = await connection.ExecuteAsync(
                    """
                    UPDATE webhook_deliveries SET status = @status, attempts = attempts + 1, next_attempt_at = @next,
                        last_status_code = @StatusCode, last_error = @Error, last_attempt_at = @nowMs,
                        settled_at = CASE WHEN @status = @pending THEN NULL ELSE @nowMs END, lease_owner = NULL, lease_until = NULL
                    WHERE seq = @Seq AND lease_owner = @owner AND status = @pending
                    """,
                    new { status, next, result.StatusCode, result.Error, nowMs, d.Seq, owner, pending = DeliveryStatus.Pending },
                    tx);
                if (changed == 0 || d.EndpointId == Outbox.TppeTarget)
                {
                    continue;
                }

                var disabled = await connection.QuerySingleOrDefaultAsync<WebhookEndpointRow>(
                    $"""
                    UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, @nowMs),
                        enabled = CASE WHEN COALESCE(failing_since, @nowMs) <= @threshold THEN 0 ELSE enabled END,
                        disabled_reason = CASE WHEN COALESCE(failing_since, @nowMs) <= @threshold THEN @reason ELSE disabled_reason END,
                        updated_at = CASE WHEN COALESCE(failing_since, @nowMs) <= @threshold THEN @nowMs ELSE updated_at END
                    WHERE tenant = @Tenant AND id = @EndpointId AND enabled = 1
                    RETURNING {WebhookEndpointRow.Columns}
                    """,
                    new
                    {
                        d.Tenant,
                        d.EndpointId,
                        nowMs,
                        threshold = nowMs - (long)(options.DisableAfterSeconds * 1000),
                        reason = $"every delivery failed for {TimeSpan.FromSeconds(options.DisableAfterSeconds)}",
                    },
                    tx);
                if (disabled is { Enabled: 0 })
                {
                    events.Add(OutboxEvent.Create(EventTypes.WebhookEndpointDisabled, d.Tenant, d.EndpointId, now, disabled.ToResource()));
                }
            }

            return WriteOutcome.Commit(results.Count).WithEvents(events);
        }, cancellationToken);
}
