using Dapper;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Reservations;

/// <summary>
/// Releases expired reservations in the background on every instance. The state lives in the database, so the
/// sweep resumes after a restart; each reservation is expired by a conditional update of its status, so two
/// instances sweeping at once release it exactly once.
/// </summary>
public sealed partial class ReservationSweeper(Database database, StorageReadiness readiness, TimeProvider clock, ILogger<ReservationSweeper> logger)
    : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Expires every reservation past its time; returns how many this call expired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        while (true)
        {
            var at = clock.GetUtcNow();
            var now = Timestamps.ToUnixMs(at);
            List<(string Tenant, string Id)> due;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                // The status is a literal: a prepared statement's generic plan can use the partial expiry index only then
                // (docs/decisions/0610-reservation-confirm-by-primary-key.md).
                due = (await connection.QueryAsync<(string, string)>(
                    $"SELECT tenant, id FROM reservations WHERE status = '{ReservationStatus.Reserved}' AND expires_at <= @now ORDER BY expires_at LIMIT {BatchSize}",
                    new { now })).AsList();
            }

            foreach (var (tenant, id) in due)
            {
                var released = await database.WriteAsync(
                    async (connection, tx) => await ReservationStore.ExpireWithinAsync(connection, tx, tenant, id, at) is { } expiredEvent
                        ? WriteOutcome.Commit(true).WithEvent(expiredEvent)
                        : WriteOutcome.RollBack(false),
                    cancellationToken);
                if (released)
                {
                    expired++;
                }
            }

            if (due.Count < BatchSize)
            {
                return expired;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (readiness.IsReady)
                {
                    var expired = await SweepAsync(stoppingToken);
                    if (expired > 0)
                    {
                        LogExpired(expired);
                    }
                }

                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A database outage must not end the sweeper: what is due stays due and is swept next time.
                LogSweepFailed(exception);
                await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} expired reservations")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reservation sweep failed; retrying")]
    private partial void LogSweepFailed(Exception exception);
}
