using Storewise.Api.Telemetry;

namespace Storewise.Api.Storage;

/// <summary>
/// Checks the read replica every <see cref="Interval"/>: its lag for <c>/health/ready</c> and the
/// <c>storewise.replica.lag</c> metric, and whether it is up, so reads go back to it once it answers again
/// (docs/decisions/0513-read-replicas.md). Does nothing without a replica.
/// </summary>
public sealed partial class ReplicaMonitor(Database database, StorewiseMetrics metrics, ILogger<ReplicaMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Replica is not { } replica)
        {
            return;
        }

        var wasAvailable = true;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var primary = await database.OpenAsync(stoppingToken);
                await replica.CheckAsync(primary, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                // The primary itself is unreachable: readiness reports that; the replica's state stays as it was.
                continue;
            }

            var lag = replica.Lag;
            metrics.ReplicaChecked(lag.Available, lag.Seconds, lag.Bytes);
            if (lag.Available != wasAvailable)
            {
                if (lag.Available)
                {
                    LogBack(logger);
                }
                else
                {
                    LogDown(logger);
                }

                wasAvailable = lag.Available;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read replica does not answer; reads go to the primary")]
    private static partial void LogDown(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The read replica answers again; reads may go to it")]
    private static partial void LogBack(ILogger logger);
}
