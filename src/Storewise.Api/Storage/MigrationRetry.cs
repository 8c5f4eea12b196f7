namespace Storewise.Api.Storage;

/// <summary>Keeps trying to migrate while the database is unreachable, then marks storage ready.</summary>
public sealed class MigrationRetry(MigrationRunner runner, StorageReadiness readiness, ILogger<MigrationRetry> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!readiness.IsReady && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, stoppingToken);
            try
            {
                await runner.MigrateAsync(stoppingToken);
                readiness.MarkReady();
                logger.LogInformation("Database reachable again; storage is ready");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Database still unavailable: {Message}", ex.Message);
            }
        }
    }
}
