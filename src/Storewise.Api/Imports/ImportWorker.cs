using Storewise.Api.Storage;

namespace Storewise.Api.Imports;

/// <summary>
/// Processes code imports in the background on every instance. Work is claimed from the database, so imports
/// are shared between instances and an import interrupted by a crash is resumed when its lease runs out.
/// </summary>
public sealed partial class ImportWorker(ImportQueue queue, ImportBatches batches, ImportSignal signal, ImportOptions options, ILogger<ImportWorker> logger)
    : BackgroundService
{
    private readonly string _owner = JobLease.NewOwner();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, options.PollMilliseconds));
        return JobLoop.RunAsync(
            RunNextAsync,
            ct => signal.WaitAsync(poll, ct),
            // A database outage must not end the worker; the import's lease expires and it is retried.
            exception => LogWorkerFailed(logger, exception),
            stoppingToken);
    }

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        var import = await queue.TryClaimAsync(_owner, stoppingToken);
        if (import is not null)
        {
            await batches.RunAsync(import, _owner, stoppingToken);
            return true;
        }

        await queue.RemoveAbandonedUploadsAsync(stoppingToken);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Code import worker failed; retrying after the poll interval")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);
}
