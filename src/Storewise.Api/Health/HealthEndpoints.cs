using Dapper;
using Storewise.Api.Storage;

namespace Storewise.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers).</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").AllowAnonymous().ExcludeFromDescription();
        health.MapGet("/live", Live);
        health.MapGet("/ready", ReadyAsync);
    }

    private static IResult Live() => TypedResults.Ok(new { status = "live" });

    private static async Task<IResult> ReadyAsync(Database database, StorageReadiness readiness, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return TypedResults.Json(new { status = "unavailable", message = "the database schema is not in place yet" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var connection = await database.OpenAsync(timeout.Token);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: timeout.Token));
            var provider = database.Provider.ToString().ToLowerInvariant();
            if (database.Replica is not { } replica)
            {
                return TypedResults.Ok(new { status = "ready", database = provider });
            }

            // A replica that is down or behind does not make the service unready: reads go to the primary meanwhile.
            var lag = replica.Lag;
            return TypedResults.Ok(new
            {
                status = "ready",
                database = provider,
                replica = new { available = lag.Available, lagSeconds = lag.Available ? lag.Seconds : (double?)null, lagBytes = lag.Available ? lag.Bytes : (long?)null },
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Json(new { status = "unavailable", message = "the database is unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
