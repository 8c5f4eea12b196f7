using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Contracts;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Api.Storage;

namespace Storewise.Api.Offers;

/// <summary>
/// The history of a promotion or coupon and the offer as it was at an instant
/// (docs/decisions/0701-offer-history.md), for both offer types.
/// </summary>
public sealed class OfferHistoryHandlers(Database database, OffersOptions options)
{
    public async Task<IResult> ListAsync(OfferType type, string id, HttpRequest http, RequestUser user, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryParse(http.Query["count"], http.Query["page"], out var page, out var pageError))
        {
            return pageError!;
        }

        return await database.ReadAsync<IResult>(
            async connection =>
            {
                var (revisions, total) = await OfferHistoryStore.ListAsync(connection, user.Tenant, type, id, page.Count, page.Offset);
                if (total == 0)
                {
                    return ErrorResults.NotFound();
                }

                var entries = new List<OfferHistoryEntry>(page.Count);
                for (var i = 0; i < revisions.Count && i < page.Count; i++)
                {
                    var revision = revisions[i];
                    var previous = i + 1 < revisions.Count ? revisions[i + 1].Offer : null;
                    entries.Add(new OfferHistoryEntry(
                        revision.Revision,
                        revision.Offer.Version,
                        Timestamps.Rfc3339(revision.RecordedAt),
                        revision.RecordedBy,
                        OfferChanges.Between(previous, revision.Offer)));
                }

                return TypedResults.Ok(PagedList<OfferHistoryEntry>.Create(entries, page, total, $"{type.Path()}/{id}/history", http.Query));
            }, cancellationToken: cancellationToken);
    }

    /// <summary>The <c>asOf</c> query parameter of the promotion and coupon reads.</summary>
    public static QueryParameter AsOfParameter { get; } = new(
        "asOf", JsonSchemaType.String, "Answer the offer as it was at this instant (RFC 3339 with an offset, e.g. 2025-06-01T12:00:00Z); 404 before it existed.")
    {
        Format = "date-time",
    };

    /// <summary>The offer as it was at <paramref name="asOf"/> (RFC 3339), with its status at that instant; 404 before it existed.</summary>
    public async Task<IResult> GetAsOfAsync(OfferType type, string id, string asOf, RequestUser user, CancellationToken cancellationToken)
    {
        if (!Instants.TryParse(asOf, out var at))
        {
            return ErrorResults.BadRequest("asOf: must be an RFC 3339 date-time with an offset, e.g. 2025-06-01T12:00:00Z", "validation_failed");
        }

        return await database.ReadAsync<IResult>(
            async connection =>
            {
                var revision = await OfferHistoryStore.AsOfAsync(connection, user.Tenant, type, id, at);
                return revision is null
                    ? ErrorResults.NotFound()
                    : TypedResults.Ok(new JsonObject
                    {
                        ["links"] = new JsonObject { ["self"] = $"{type.Path()}/{id}" },
                        [type.Name()] = OfferDocuments.ToResource(revision.Offer, at, options.NameAsMissingDescription),
                    });
            }, cancellationToken: cancellationToken);
    }
}
