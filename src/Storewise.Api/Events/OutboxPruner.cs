using Dapper;
using Storewise.Api.Common;
using Storewise.Api.Storage;
using Storewise.Api.Webhooks;

namespace Storewise.Api.Events;

/// <summary>
/// Deletes events older than <see cref="EventOptions.RetentionDays"/> in the background (docs/decisions/0806-outbox-retention.md):
/// first the deliveries of events whose every delivery succeeded, then events left without deliveries. An event with a
/// delivery still pending, or failed (it may be redelivered), is never deleted.
/// </summary>
public sealed partial class OutboxPruner(Database database, EventOptions options, TimeProvider clock, ILogger<OutboxPruner> logger) : BackgroundService
{
    /// <summary>Prunes everything due at <paramref name="now"/>, a batch per transaction; returns the number of events deleted.</summary>
    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = Timestamps.ToUnixMs(now - TimeSpan.FromDays(options.RetentionDays));
        var batch = Math.Max(1, options.PruneBatchSize);
        var deleted = 0;
        while (true)
        {
            var (deliveries, events) = await database.WriteAsync(async (connection, tx) =>
            {
                // Deliveries go first and only when delivered, so a redelivery racing the prune either wins (the
                // delivery is pending again and its event stays) or finds the delivery gone with its event.
                var deliveries = await connection.ExecuteAsync(
                    $"""
                    DELETE FROM webhook_deliveries WHERE seq IN (
                        SELECT d.seq FROM outbox_events o JOIN webhook_deliveries d ON d.tenant = o.tenant AND d.event_id = o.id
                        WHERE o.occurred_at < @cutoff AND d.status = '{DeliveryStatus.Delivered}'
                          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries x WHERE x.tenant = o.tenant AND x.event_id = o.id AND x.status <> '{DeliveryStatus.Delivered}')
                        ORDER BY o.occurred_at LIMIT @rows)
                      AND status = '{DeliveryStatus.Delivered}'
                    """,
                    new { cutoff, rows = batch * 4 },
                    tx);
                var events = await connection.ExecuteAsync(
                    """
                    DELETE FROM outbox_events WHERE (tenant, id) IN (
                        SELECT o.tenant, o.id FROM outbox_events o
                        WHERE o.occurred_at < @cutoff AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.tenant = o.tenant AND d.event_id = o.id)
                        ORDER BY o.occurred_at LIMIT @batch)
                    """,
                    new { cutoff, batch },
                    tx);
                return WriteOutcome.Commit((deliveries, events));
            }, cancellationToken);
            deleted += events;
            if (events < batch && deliveries < batch * 4)
            {
                return deleted;
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(
            TimeSpan.FromMinutes(Math.Max(1, options.PruneIntervalMinutes)),
            ct => PruneAsync(clock.GetUtcNow(), ct),
            LogPruneFailed,
            stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the outbox failed; the next round tries again")]
    private partial void LogPruneFailed(Exception exception);
}
