using Storewise.Api.Storage;

namespace Storewise.Api.Webhooks;

/// <summary>
/// Sends pending deliveries in the background on every instance: claims a batch, makes one attempt of each
/// concurrently, records the results. A crash mid-batch leaves the leases to expire; those deliveries are sent again
/// (same <c>webhook-id</c>), so every event is delivered at least once.
/// </summary>
public sealed partial class DeliveryWorker(DeliveryQueue queue, DeliverySender sender, Database database, WebhookOptions options, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, options.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await queue.ClaimAsync(_owner, stoppingToken);
                if (claimed.Count > 0)
                {
                    var results = await Task.WhenAll(claimed.Select(d => sender.SendAsync(d, stoppingToken)));
                    await queue.CompleteAsync(_owner, results, CancellationToken.None);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A database outage must not end the worker; claimed leases expire and are sent again.
                LogFailed(exception);
            }

            try
            {
                await database.EventsCommitted.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery worker failed; retrying after the poll interval")]
    private partial void LogFailed(Exception exception);
}
