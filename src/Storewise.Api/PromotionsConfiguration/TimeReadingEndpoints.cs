using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Storage;

namespace Storewise.Api.PromotionsConfiguration;

/// <summary>
/// <c>/v0/promotions/configuration/time</c>: what <c>localizedTimezone: true</c> means for the tenant
/// (docs/decisions/1002-store-registry-and-time-reading.md). Read and replaced like the other configuration
/// sub-resources; a write changes pricing, so it bumps the catalogue version.
/// </summary>
public static class TimeReadingEndpoints
{
    public static void MapTimeReadingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v0/promotions/configuration").WithTags("Promotions configuration");
        group.MapGet("/time", GetTimeReading).RequireAuthorization(Scopes.PromotionsRead).WithName("GetTimeReading").Produces<TimeReadingResponse>();
        group.MapPut("/time", PutTimeReading).RequireAuthorization(Scopes.PromotionsWrite).WithName("PutTimeReading").Produces<TimeReadingResponse>().Produces(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetTimeReading(RequestUser user, Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return TypedResults.Ok(ToResponse(await TimeReadingStore.GetAsync(connection, user.Tenant)));
    }

    private static async Task<IResult> PutTimeReading(TimeReadingRequest? request, RequestUser user, Database database, TimeProvider clock, CancellationToken ct)
    {
        if (request?.LocalizedTimezone is not { } reading || !Enum.IsDefined(reading))
        {
            return ErrorResults.BadRequest("localizedTimezone: is required: utc or storeLocal", "validation_failed");
        }

        var stored = await database.WriteCatalogueAsync(user.Tenant, async (connection, transaction) =>
        {
            var written = await TimeReadingStore.PutAsync(
                connection, transaction, user.Tenant, reading, request.Version, ObjectIds.NewVersion(), clock.GetUtcNow().ToUnixTimeMilliseconds(), user.UserId);
            return written is null ? WriteOutcome.RollBack(written) : WriteOutcome.Commit<TimeReadingSetting?>(written);
        }, ct);
        return stored is null
            ? ErrorResults.Conflict("version: the time setting was changed by someone else (or was never set); read it again and retry", "version_conflict")
            : TypedResults.Ok(ToResponse(stored));
    }

    private static TimeReadingResponse ToResponse(TimeReadingSetting setting) => new(
        setting.Tenant, setting.LocalizedTimezone, setting.UpdatedAt is { } at ? Timestamps.Rfc3339(at) : null, setting.UpdatedBy, setting.Version);
}
