namespace Storewise.Api.Imports;

/// <summary>
/// Processes code imports in the background on every instance. Work is claimed from the database, so imports
/// are shared between instances and an import interrupted by a crash is resumed when its lease runs out.
/// </summary>
public sealed partial class ImportWorker(ImportQueue queue, ImportBatches batches, ImportSignal signal, ImportOptions options, ILogger<ImportWorker> logger)
    : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, options.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var import = await queue.TryClaimAsync(_owner, stoppingToken);
                if (import is not null)
                {
                    await batches.RunAsync(import, _owner, stoppingToken);
                    continue;
                }

                await queue.RemoveAbandonedUploadsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A database outage must not end the worker; the import's lease expires and it is retried.
                LogWorkerFailed(logger, exception);
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Code import worker failed; retrying after the poll interval")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);
}
