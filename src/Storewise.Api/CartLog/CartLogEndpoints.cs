using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Storage;

namespace Storewise.Api.CartLog;

/// <summary>
/// The tenant's cart log setting, <c>/v0/promotions/configuration/cart-log</c> (docs/decisions/0703-cart-log.md):
/// read and replaced like the other configuration sub-resources, with an optional version to write over.
/// It decides which carts are logged, not how they are priced, so it does not move the catalogue version.
/// </summary>
public static class CartLogEndpoints
{
    public static void MapCartLogEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v0/promotions/configuration").WithTags("Promotions configuration");
        group.MapGet("/cart-log", GetCartLogSettings).RequireAuthorization(Scopes.PromotionsRead).WithName("GetCartLogSettings").Produces<CartLogSettingsResponse>();
        group.MapPut("/cart-log", PutCartLogSettings).RequireAuthorization(Scopes.PromotionsWrite).WithName("PutCartLogSettings").Produces<CartLogSettingsResponse>().Produces(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetCartLogSettings(RequestUser user, Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return TypedResults.Ok(ToResponse(await CartLogSettingsStore.GetAsync(connection, user.Tenant)));
    }

    private static async Task<IResult> PutCartLogSettings(
        CartLogSettingsRequest? request, RequestUser user, Database database, CartLogQueue queue, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request?.SampleRate is not { } rate || rate < 0 || rate > 1)
        {
            errors.Add("sampleRate", "is required: a number from 0 (off) to 1 (every cart)");
        }

        var days = request?.RetentionDays ?? CartLogSettings.DefaultRetentionDays;
        if (days is < 1 or > CartLogSettings.MaxRetentionDays)
        {
            errors.Add("retentionDays", $"must be an integer from 1 to {CartLogSettings.MaxRetentionDays}");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var ppm = (int)Math.Round(request!.SampleRate!.Value * CartLogSettings.PartsPerMillion, MidpointRounding.AwayFromZero);
        var stored = await database.WriteAsync(async (connection, transaction) =>
        {
            var written = await CartLogSettingsStore.PutAsync(
                connection, transaction, user.Tenant, ppm, days, request.Version, ObjectIds.NewVersion(), clock.GetUtcNow().ToUnixTimeMilliseconds(), user.UserId);
            return written is null ? WriteOutcome.RollBack(written) : WriteOutcome.Commit<CartLogSettings?>(written);
        }, ct);
        if (stored is null)
        {
            return ErrorResults.Conflict("version: the cart log setting was changed by someone else (or was never set); read it again and retry", "version_conflict");
        }

        queue.Remember(stored);
        return TypedResults.Ok(ToResponse(stored));
    }

    private static CartLogSettingsResponse ToResponse(CartLogSettings settings) => new(
        settings.Tenant,
        settings.SampleRate,
        settings.RetentionDays,
        settings.UpdatedAt is { } at ? Timestamps.Rfc3339(at) : null,
        settings.UpdatedBy,
        settings.Version);
}
