using Storewise.Api.Storage;

namespace Storewise.Api.Webhooks;

/// <summary>
/// Sends pending deliveries in the background on every instance: <see cref="WebhookOptions.Workers"/> loops each claim
/// a batch, make one attempt of each delivery concurrently and record the results, so one batch's claim and
/// completion overlap another's sends. The loops share nothing but the database: each holds its own leases, and a
/// subject's next delivery is only claimable once the one before it settled (docs/decisions/0802-webhook-delivery.md),
/// so they keep each subject in order as separate instances do. A crash mid-batch leaves the leases to expire; those
/// deliveries are sent again (same <c>webhook-id</c>), so every event is delivered at least once.
/// </summary>
public sealed partial class DeliveryWorker(DeliveryQueue queue, DeliverySender sender, Database database, WebhookOptions options, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    private readonly string _owner = JobLease.NewOwner();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Workers)).Select(loop => Task.Run(() => RunLoopAsync($"{_owner}:{loop}", stoppingToken), CancellationToken.None)));

    private Task RunLoopAsync(string owner, CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, options.PollMilliseconds));
        return JobLoop.RunAsync(
            ct => SendBatchAsync(owner, ct),
            ct => database.EventsCommitted.WaitAsync(poll, ct),
            // A database outage must not end the worker; claimed leases expire and are sent again.
            LogFailed,
            stoppingToken);
    }

    private async Task<bool> SendBatchAsync(string owner, CancellationToken stoppingToken)
    {
        var claimed = await queue.ClaimAsync(owner, stoppingToken);
        if (claimed.Count == 0)
        {
            return false;
        }

        if (claimed.Count == options.BatchSize)
        {
            // A full batch means a backlog: wake an idle loop to claim the next one alongside.
            database.EventsCommitted.Notify();
        }

        var results = await Task.WhenAll(claimed.Select(d => sender.SendAsync(d, stoppingToken)));
        await queue.CompleteAsync(owner, results, CancellationToken.None);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery worker failed; retrying after the poll interval")]
    private partial void LogFailed(Exception exception);
}
