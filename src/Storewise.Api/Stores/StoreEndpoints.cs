using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Api.Storage;

namespace Storewise.Api.Stores;

/// <summary>
/// The store registry, <c>/v0/promotions/stores</c> (docs/decisions/1002-store-registry-and-time-reading.md): each
/// store's name and IANA time zone. A write changes how carts of the store are priced, so it bumps the catalogue
/// version, and the catalogue load reads the zones with the offers.
/// </summary>
public static class StoreEndpoints
{
    public const int MaxIdLength = 128;
    public const int MaxNameLength = 200;

    public static void MapStoreEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v0/promotions/stores").WithTags("Stores");
        group.MapGet("", ListStores).RequireAuthorization(Scopes.PromotionsRead).WithName("ListStores").Produces<PagedList<StoreResource>>()
            .WithQuery(PageRequest.Parameters);
        group.MapGet("/{storeId}", GetStore).RequireAuthorization(Scopes.PromotionsRead).WithName("GetStore").Produces<StoreResource>();
        group.MapPut("/{storeId}", PutStore).RequireAuthorization(Scopes.PromotionsWrite).WithName("PutStore").Produces<StoreResource>().Produces(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListStores(HttpRequest http, RequestUser user, Database database, CancellationToken ct)
    {
        if (!PageRequest.TryParse(http.Query["count"], http.Query["page"], out var page, out var pageError))
        {
            return pageError!;
        }

        await using var connection = await database.OpenAsync(ct);
        var (items, total) = await StoreRegistry.ListAsync(connection, user.Tenant, page);
        return TypedResults.Ok(PagedList<StoreResource>.Create(items, page, total, "/stores", http.Query));
    }

    private static async Task<IResult> GetStore(string storeId, RequestUser user, Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await StoreRegistry.GetAsync(connection, user.Tenant, storeId) is { } store
            ? TypedResults.Ok(store)
            : ErrorResults.NotFound($"store '{storeId}' is not registered", "not_found");
    }

    private static async Task<IResult> PutStore(string storeId, StoreRequest? request, RequestUser user, Database database, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (storeId.Length > MaxIdLength || storeId.Any(char.IsControl) || string.IsNullOrWhiteSpace(storeId))
        {
            errors.Add("storeId", $"must be 1 to {MaxIdLength} characters without control characters");
        }

        if (request is null)
        {
            return ErrorResults.BadRequest("body: a JSON object {name, timeZone} is required", "validation_failed");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength || request.Name.Contains('\0'))
        {
            errors.Add("name", $"is required: 1 to {MaxNameLength} characters");
        }

        if (request.TimeZone is not null && !IanaZones.TryFind(request.TimeZone, out _))
        {
            errors.Add("timeZone", IanaZones.Message);
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var stored = await database.WriteCatalogueAsync(user.Tenant, async (connection, transaction) =>
        {
            var written = await StoreRegistry.PutAsync(
                connection, transaction, user.Tenant, storeId, request.Name!, request.TimeZone, request.Version, ObjectIds.NewVersion(), clock.GetUtcNow().ToUnixTimeMilliseconds(), user.UserId);
            return written is null ? WriteOutcome.RollBack(written) : WriteOutcome.Commit<StoreResource?>(written);
        }, ct);
        return stored is null
            ? ErrorResults.Conflict("version: the store was changed by someone else (or was never registered); read it again and retry", "version_conflict")
            : TypedResults.Ok(stored);
    }
}
