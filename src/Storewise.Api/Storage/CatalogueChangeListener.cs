using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dapper;

namespace Storewise.Api.Storage;

/// <summary>
/// Keeps one connection listening for the catalogue versions other instances commit and hands them to
/// <see cref="Database.Versions"/>; a statement on that connection every <see cref="HeartbeatInterval"/> proves
/// nothing was missed, so a connection lost without a word bounds staleness all the same
/// (docs/decisions/0510-catalogue-change-notifications.md). Does nothing where the engine has no notifications.
/// </summary>
public sealed partial class CatalogueChangeListener(Database database, ILogger<CatalogueChangeListener> logger) : BackgroundService
{
    public const string Channel = "storewise_catalogue";

    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The payload announcing <paramref name="version"/> of <paramref name="tenant"/>: the version first, as a tenant may contain anything.</summary>
    public static string Payload(string tenant, long version) => version.ToString(CultureInfo.InvariantCulture) + ":" + tenant;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.Dialect.HasNotifications)
        {
            return;
        }

        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() =>
                {
                    if (lost)
                    {
                        LogListening(logger);
                        lost = false;
                    }
                }, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                database.Versions.Deaf();
                if (!lost)
                {
                    LogLost(logger, ex.Message);
                    lost = true;
                }

                await Task.Delay(HeartbeatInterval, stoppingToken);
            }
        }

        database.Versions.Deaf();
    }

    private async Task ListenAsync(Action listening, CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenAsync(stoppingToken);
        try
        {
            await ListenOnAsync(connection, listening, stoppingToken);
        }
        finally
        {
            // A heartbeat that timed out or a shutdown leaves the connection open; it goes back to the pool as a plain one.
            if (connection.State == ConnectionState.Open)
            {
                try
                {
                    await database.Dialect.StopListeningAsync(connection);
                }
                catch (DbException)
                {
                    // A connection that cannot run the statement is broken, and the pool does not keep broken ones.
                }
            }
        }
    }

    private async Task ListenOnAsync(DbConnection connection, Action listening, CancellationToken stoppingToken)
    {
        await database.Dialect.ListenAsync(connection, Channel, Received, stoppingToken);
        // Taken after LISTEN returned: every change committed from now on is announced on this connection.
        database.Versions.Listening(Stopwatch.GetTimestamp());
        listening();
        var heartbeat = new CommandDefinition("SELECT 1", cancellationToken: stoppingToken);
        while (true)
        {
            var sent = Stopwatch.GetTimestamp();
            await connection.ExecuteScalarAsync<int>(heartbeat);
            database.Versions.Alive(sent);
            // Notifications queued while idle are read with the next heartbeat's answer, at most one interval late.
            // (Waiting on the connection instead was seen to overrun its timeout, which starves the heartbeat.)
            var wait = HeartbeatInterval - Stopwatch.GetElapsedTime(sent);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    private void Received(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && long.TryParse(payload.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            database.Versions.Announced(payload[(colon + 1)..], version);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue change notifications lost ({Reason}); carts read the catalogue version until they are back")]
    private static partial void LogLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue change notifications are back")]
    private static partial void LogListening(ILogger logger);
}
