using System.Text.Json.Nodes;
using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Events;
using Storewise.Api.Storage;

namespace Storewise.Api.PromotionsConfiguration;

/// <summary>
/// Per-tenant promotions configuration (docs/spec.md §1.5, §D1): the global product exclusion list and the coupon
/// stacking mode, under <c>/v0/promotions/configuration</c>. Every write bumps the catalogue version.
/// </summary>
public static class PromotionsConfigurationEndpoints
{
    public static void MapPromotionsConfigurationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v0/promotions/configuration").WithTags("Promotions configuration");
        group.MapGet("/exclusions", GetExclusions).RequireAuthorization(Scopes.PromotionsRead).WithName("GetExclusions").Produces<ExclusionListResponse>();
        group.MapPut("/exclusions", PutExclusions).RequireAuthorization(Scopes.PromotionsWrite).WithName("PutExclusions").Produces<ExclusionListResponse>(StatusCodes.Status201Created).Produces(StatusCodes.Status409Conflict);
        group.MapDelete("/exclusions", DeleteExclusions).RequireAuthorization(Scopes.PromotionsWrite).WithName("DeleteExclusions").Produces(StatusCodes.Status204NoContent);
        group.MapGet("/coupons", GetCouponStacking).RequireAuthorization(Scopes.PromotionsRead).WithName("GetCouponStacking").Produces<CouponStackingResponse>();
        group.MapPut("/coupons", PutCouponStacking).RequireAuthorization(Scopes.PromotionsWrite).WithName("PutCouponStacking").Produces<CouponStackingResponse>().Produces(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetExclusions(RequestUser user, Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return TypedResults.Ok(ToResponse(await PromotionsConfigurationStore.GetExclusionsAsync(connection, user.Tenant)));
    }

    private static async Task<IResult> PutExclusions(ExclusionsRequest? request, RequestUser user, Database database, TimeProvider clock, CancellationToken ct)
    {
        var ids = ExclusionsValidator.Validate(request, out var errors);
        if (ids is null)
        {
            return errors.ToResult();
        }

        var stored = await database.WriteCatalogueAsync(user.Tenant, async (connection, transaction) => Committed(await PromotionsConfigurationStore.PutExclusionsAsync(
            connection, transaction, user.Tenant, ids, request!.Version, ObjectIds.NewVersion(), clock.GetUtcNow().ToUnixTimeMilliseconds(), user.UserId)).Announced(user.Tenant, "exclusions", clock.GetUtcNow(), ToResponse), ct);
        return stored is null
            ? StaleVersion()
            : TypedResults.Created("/v0/promotions/configuration/exclusions", ToResponse(stored));
    }

    private static async Task<IResult> DeleteExclusions(RequestUser user, Database database, TimeProvider clock, CancellationToken ct)
    {
        await database.WriteCatalogueAsync(user.Tenant, async (connection, transaction) =>
        {
            var deleted = await PromotionsConfigurationStore.DeleteExclusionsAsync(connection, transaction, user.Tenant);
            return deleted > 0 ? WriteOutcome.Commit(deleted).WithEvent(ConfigurationChange.Event<JsonNode?>(user.Tenant, "exclusions", clock.GetUtcNow(), null)) : WriteOutcome.RollBack(deleted);
        }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> GetCouponStacking(RequestUser user, Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return TypedResults.Ok(ToResponse(await PromotionsConfigurationStore.GetCouponStackingAsync(connection, user.Tenant)));
    }

    private static async Task<IResult> PutCouponStacking(CouponStackingRequest? request, RequestUser user, Database database, TimeProvider clock, CancellationToken ct)
    {
        if (request?.Stackable is not { } stackable)
        {
            return ErrorResults.BadRequest("stackable: is required (true or false)", "validation_failed");
        }

        var stored = await database.WriteCatalogueAsync(user.Tenant, async (connection, transaction) => Committed(await PromotionsConfigurationStore.PutCouponStackingAsync(
            connection, transaction, user.Tenant, stackable, request.Version, ObjectIds.NewVersion(), clock.GetUtcNow().ToUnixTimeMilliseconds(), user.UserId)).Announced(user.Tenant, "coupon-stacking", clock.GetUtcNow(), ToResponse), ct);
        return stored is null ? StaleVersion() : TypedResults.Ok(ToResponse(stored));
    }

    // A conditional write that matched no row (a stale version) stored nothing: nothing to commit or bump.
    private static WriteOutcome<T?> Committed<T>(T? stored)
        where T : class =>
        stored is null ? WriteOutcome.RollBack(stored) : WriteOutcome.Commit<T?>(stored);

    private static IResult StaleVersion() =>
        ErrorResults.Conflict("version: the configuration was changed by someone else (or was never set); read it again and retry", "version_conflict");

    private static ExclusionListResponse ToResponse(ExclusionList list) => new(
        list.Tenant, list.Ids, Time(list.CreatedAt), list.CreatedBy, Time(list.UpdatedAt), list.UpdatedBy, list.Version);

    private static CouponStackingResponse ToResponse(CouponStacking stacking) => new(
        stacking.Tenant, stacking.Stackable, Time(stacking.UpdatedAt), stacking.UpdatedBy, stacking.Version);

    private static string? Time(DateTimeOffset? value) => value is null ? null : Timestamps.Rfc3339(value.Value);
}
