using Storewise.Api.Storage;

namespace Storewise.Api.Simulations;

/// <summary>
/// Runs simulation jobs in the background on every instance. A job is claimed from the database under a lease
/// renewed with every batch, so each job runs on one instance at a time, and a job whose instance died is
/// resumed from its last saved batch once the lease runs out (or marked FAILED after too many attempts).
/// </summary>
public sealed partial class SimulationWorker(
    SimulationRunner runner, Database database, SimulationOptions options, TimeProvider clock, ILogger<SimulationWorker> logger)
    : BackgroundService
{
    private readonly string _owner = JobLease.NewOwner();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, options.PollMilliseconds));
        return JobLoop.RunAsync(
            RunNextAsync,
            ct => Task.Delay(poll, ct),
            // A database outage must not end the worker; the job's lease expires and it is resumed.
            exception => LogFailed(logger, exception),
            stoppingToken);
    }

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var job = await SimulationStore.TryClaimAsync(database, _owner, now, now + options.LeaseSeconds * 1000L, stoppingToken);
        if (job is null)
        {
            return false;
        }

        await runner.RunAsync(job, _owner, stoppingToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulation worker failed; retrying after the poll interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
