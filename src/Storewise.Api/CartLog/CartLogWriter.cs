using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.CartLog;

/// <summary>
/// Writes the sampled carts of <see cref="CartLogQueue"/> in batches, off the request path, every
/// <see cref="CartLogOptions.FlushIntervalMilliseconds"/> or each <see cref="CartLogOptions.BatchSize"/> carts, and deletes
/// carts older than their tenant's retention every <see cref="CartLogOptions.PruneIntervalMinutes"/>.
/// </summary>
public sealed partial class CartLogWriter(
    CartLogQueue queue, Database database, CartLogOptions options, TimeProvider clock, ILogger<CartLogWriter> logger)
    : BackgroundService
{
    // Carts reach the queue only once requests are served, so the schema is in place by then; a prune that
    // runs while the database is away fails, is logged, and runs again next round.
    // The writes run on a thread of their own: SQLite works synchronously under its async calls, and a batch written
    // on a thread-pool thread would take one of the few threads that serve requests for as long as it lasts
    // (docs/decisions/0712-cart-log-writes-in-intervals.md).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            Task.Factory.StartNew(() => Write(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default),
            PruneLoopAsync(stoppingToken));

    /// <summary>Deletes every tenant's carts older than its retention at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = 0;
        foreach (var (tenant, days) in await CartLogSettingsStore.RetentionsAsync(connection))
        {
            deleted += await CartLogStore.PruneAsync(database, tenant, now.AddDays(-days), cancellationToken);
        }

        return deleted;
    }

    private void Write(CancellationToken stoppingToken)
    {
        var batch = new List<LoggedCartRow>(options.BatchSize);
        var interval = TimeSpan.FromMilliseconds(Math.Max(0, options.FlushIntervalMilliseconds));
        // The stop ends the waits, not a batch being written: a commit cancelled by it would roll back and lose the batch.
        // What is queued then is written with 5 s of grace.
        using var writing = new CancellationTokenSource();
        using var stopping = stoppingToken.Register(() => writing.CancelAfter(TimeSpan.FromSeconds(5)));
        try
        {
            // Blocking is this thread's job; on PostgreSQL the awaited I/O completes on the pool and wakes it.
            while (queue.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                // The first cart starts an interval: the carts of the interval go in one transaction, not one each.
                queue.WaitForBatch(interval, stoppingToken);
                FlushAsync(batch, writing.Token).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            FlushAsync(batch, writing.Token).GetAwaiter().GetResult();
        }
    }

    private async Task FlushAsync(List<LoggedCartRow> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < options.BatchSize && queue.TryTake(out var row))
            {
                batch.Add(row);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await CartLogStore.InsertAsync(database, batch, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The log is best effort: a batch that cannot be written is dropped, not retried forever.
                LogWriteFailed(logger, exception, batch.Count);
            }
        }
    }

    private Task PruneLoopAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(
            TimeSpan.FromMinutes(Math.Max(1, options.PruneIntervalMinutes)),
            ct => PruneAsync(clock.GetUtcNow(), ct),
            exception => LogPruneFailed(logger, exception),
            stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} cart log entries that could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the cart log failed; the next round tries again")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
