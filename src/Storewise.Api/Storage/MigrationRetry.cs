using Storewise.Api.Secrets;

namespace Storewise.Api.Storage;

/// <summary>
/// Prepares storage (migrations when <see cref="StorageOptions.MigrateOnStart"/>, then the secret-encryption key)
/// and marks it ready. At start this runs once; when the database was unreachable, it keeps trying in the
/// background until the database answers.
/// </summary>
public sealed partial class MigrationRetry(IServiceProvider services, StorageReadiness readiness, ILogger<MigrationRetry> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Everything that needs the database before requests may be served.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<StorageOptions>().MigrateOnStart)
        {
            await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        }

        await SecretProtection.EnsureKeyAsync(services, cancellationToken);
        services.GetRequiredService<StorageReadiness>().MarkReady();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!readiness.IsReady && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, stoppingToken);
            try
            {
                await PrepareAsync(services, stoppingToken);
                LogReachable(logger);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStillUnavailable(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database reachable again; storage is ready")]
    private static partial void LogReachable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database still unavailable: {Message}")]
    private static partial void LogStillUnavailable(ILogger logger, string message);
}
