using System.Text.Json.Nodes;
using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Events;
using Storewise.Api.Storage;

namespace Storewise.Api.Offers;

/// <summary>
/// The create, read, list and replace operations shared by promotions and coupons; the endpoint classes of
/// each resource bind their routes to these with their <see cref="OfferType"/>.
/// </summary>
public sealed class OfferHandlers(Database database, TimeProvider clock, ObjectIds ids, OffersOptions options)
{
    public async Task<IResult> CreateAsync(OfferType type, OfferRequest? request, RequestUser user, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ErrorResults.BadRequest("body: a JSON object is required", "validation_failed");
        }

        var errors = new ValidationErrors();
        var now = WholeSeconds(clock.GetUtcNow());
        var stamp = new OfferStamp(type, ids.NewId(), user.Tenant, ObjectIds.NewVersion(), now, user.UserId, now, user.UserId);
        var offer = OfferValidator.Validate(request, stamp, storedCategory: null, errors);
        if (offer is null)
        {
            return errors.ToResult();
        }

        var outcome = await database.WriteCatalogueAsync(user.Tenant, async (connection, transaction) => Committed(await OfferStore.InsertAsync(connection, transaction, offer)).WithEvent(Changed(type, offer, created: true)), cancellationToken);
        if (outcome is not OfferWriteOutcome.Written)
        {
            return Failure(type, outcome!.Value, offer);
        }

        var self = $"{type.Path()}/{offer.Id}";
        return TypedResults.Created(
            "/v0/promotions" + self,
            new JsonObject { [type.Name()] = Resource(offer), ["links"] = Links(self) });
    }

    public async Task<IResult> GetAsync(OfferType type, string id, RequestUser user, CancellationToken cancellationToken)
    {
        return await database.ReadAsync<IResult>(
            async connection =>
            {
                var offer = await OfferStore.GetAsync(connection, user.Tenant, type, id);
                return offer is null
                    ? ErrorResults.NotFound()
                    : TypedResults.Ok(new JsonObject { ["links"] = Links($"{type.Path()}/{id}"), [type.Name()] = Resource(offer) });
            }, cancellationToken: cancellationToken);
    }

    public async Task<IResult> ListAsync(OfferType type, HttpRequest http, RequestUser user, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryParse(http.Query["count"], http.Query["page"], out var page, out var pageError))
        {
            return pageError!;
        }

        if (!OfferListFilter.TryParse(http.Query, type, out var filter, out var filterError))
        {
            return filterError!;
        }

        return await database.ReadAsync<IResult>(
            async connection =>
            {
                var (offers, total) = await OfferStore.ListAsync(connection, database.Lists, user.Tenant, type, filter, page.Count, page.Offset);
                var items = offers
                    .Select(o => new JsonObject { ["links"] = Links($"{type.Path()}/{o.Id}"), [type.Name()] = Resource(o) })
                    .ToList();
                return TypedResults.Ok(PagedList<JsonObject>.Create(items, page, total, type.Path(), http.Query));
            }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Full replace (docs/spec.md §1.2, §2.5): <c>version</c> must be the stored one (409 otherwise) and the category may
    /// not change (400). The write itself is conditional on the version, so a concurrent replace cannot be lost.
    /// </summary>
    public async Task<IResult> UpdateAsync(OfferType type, string id, OfferRequest? request, RequestUser user, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ErrorResults.BadRequest("body: a JSON object is required", "validation_failed");
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(request.Version))
        {
            errors.Add("version", "is required: send the version of the offer you read");
        }

        if (request.Id is not null && request.Id != id)
        {
            errors.Add("id", "does not match the id in the path");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await OfferStore.GetAsync(connection, user.Tenant, type, id);
        if (stored is null)
        {
            return ErrorResults.NotFound();
        }

        if (!CategoryUnchanged(request.Category, stored.Category))
        {
            return ErrorResults.BadRequest("category cannot be updated", "category_immutable");
        }

        var now = WholeSeconds(clock.GetUtcNow());
        var stamp = new OfferStamp(type, id, user.Tenant, ObjectIds.NewVersion(), stored.CreatedAt, stored.CreatedBy, now, user.UserId);
        var offer = OfferValidator.Validate(request, stamp, stored.Category, errors);
        if (offer is null)
        {
            return errors.ToResult();
        }

        if (request.Version != stored.Version)
        {
            return VersionConflict(type);
        }

        var outcome = await database.WriteCatalogueAsync(user.Tenant, connection, async (c, transaction) =>
        {
            var written = await OfferStore.UpdateAsync(c, transaction, offer, request.Version!);
            return written == OfferWriteOutcome.VersionMismatch && !await OfferStore.ExistsAsync(c, transaction, user.Tenant, type, id)
                ? WriteOutcome.RollBack<OfferWriteOutcome?>(null)
                : Committed(written).WithEvent(Changed(type, offer, created: false));
        }, cancellationToken);
        if (outcome is not { } updated)
        {
            return ErrorResults.NotFound();
        }

        if (updated != OfferWriteOutcome.Written)
        {
            return Failure(type, updated, offer);
        }

        return TypedResults.Ok(new JsonObject { [type.Name()] = Resource(offer), ["links"] = Links($"{type.Path()}/{id}") });
    }

    // Absent, null and [] (the vendor's update sample sends "category": [ ]) leave the stored category as it is;
    // any other value must equal it (deep compare, member order and number spelling aside).
    private static bool CategoryUnchanged(JsonNode? sent, OfferCategory stored) =>
        sent is null || sent is JsonArray { Count: 0 } || (sent is JsonObject && JsonNode.DeepEquals(sent, stored.Raw));

    private JsonObject Resource(OfferDocument offer) =>
        OfferDocuments.ToResource(offer, clock.GetUtcNow(), options.NameAsMissingDescription);

    private OutboxEvent Changed(OfferType type, OfferDocument offer, bool created) => OutboxEvent.Create(
        (type, created) switch
        {
            (OfferType.Promotion, true) => EventTypes.PromotionCreated,
            (OfferType.Promotion, false) => EventTypes.PromotionUpdated,
            (_, true) => EventTypes.CouponCreated,
            _ => EventTypes.CouponUpdated,
        },
        offer.Tenant,
        offer.Id,
        clock.GetUtcNow(),
        Resource(offer));

    private static JsonObject Links(string self) => new() { ["self"] = self };

    private static IResult Failure(OfferType type, OfferWriteOutcome outcome, OfferDocument offer) => outcome switch
    {
        OfferWriteOutcome.DuplicateName => ErrorResults.Conflict($"name: a {type.Name()} named '{offer.Name}' already exists", "duplicate_name"),
        OfferWriteOutcome.DuplicateExternalId => ErrorResults.Conflict($"externalId: a {type.Name()} with externalId '{offer.ExternalId}' already exists", "duplicate_external_id"),
        _ => VersionConflict(type),
    };

    private static WriteOutcome<OfferWriteOutcome?> Committed(OfferWriteOutcome outcome) =>
        outcome == OfferWriteOutcome.Written ? WriteOutcome.Commit<OfferWriteOutcome?>(outcome) : WriteOutcome.RollBack<OfferWriteOutcome?>(outcome);

    private static IResult VersionConflict(OfferType type) =>
        ErrorResults.Conflict($"version: the {type.Name()} was changed by someone else; read it again and retry", "version_conflict");

    private static DateTimeOffset WholeSeconds(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());
}
