namespace Storewise.Api.Storage;

/// <summary>
/// The loop of a worker that runs leased jobs (<see cref="JobLease"/>): run the next job, and when there was none,
/// wait (a poll interval or a wake-up). A failure is reported and the loop goes on after the wait, so a database
/// outage does not end the worker; the job's lease expires and the job is claimed again.
/// </summary>
public static class JobLoop
{
    /// <param name="runNext">Claims and runs one job; false when there was none.</param>
    /// <param name="idle">Waits before the next look.</param>
    /// <param name="failed">Reports a failed round.</param>
    /// <param name="stoppingToken">Ends the loop.</param>
    public static async Task RunAsync(Func<CancellationToken, Task<bool>> runNext, Func<CancellationToken, Task> idle, Action<Exception> failed, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await runNext(stoppingToken))
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failed(exception);
            }

            try
            {
                await idle(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
