using System.Text.Json.Nodes;
using Storewise.Api.Contracts;

namespace Storewise.Api.Offers;

/// <summary>
/// The fields that differ between two revisions of an offer, compared on the resource the API returns, so a
/// field added to the offer model is compared without being listed here.
/// </summary>
public static class OfferChanges
{
    // Set by the service on every write or derived from the clock: never a change anyone made.
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "id", "tenant", "version", "createdAt", "createdBy", "updatedAt", "updatedBy", "status",
    };

    /// <summary>
    /// Each field whose value differs, in the resource's order, with its value before and after;
    /// <paramref name="before"/> null (the first revision) lists every field with a value.
    /// </summary>
    public static IReadOnlyList<OfferFieldChange> Between(OfferDocument? before, OfferDocument after)
    {
        var old = before is null ? null : Fields(before);
        var changes = new List<OfferFieldChange>();
        foreach (var (field, value) in Fields(after))
        {
            if (Bookkeeping.Contains(field))
            {
                continue;
            }

            var previous = old?[field];
            if (old is null ? !IsEmpty(value) : !JsonNode.DeepEquals(previous, value))
            {
                changes.Add(new OfferFieldChange(field, previous?.DeepClone(), value?.DeepClone()));
            }
        }

        return changes;
    }

    private static JsonObject Fields(OfferDocument offer) =>
        OfferDocuments.ToResource(offer, offer.UpdatedAt, nameAsMissingDescription: false);

    private static bool IsEmpty(JsonNode? value) => value is null or JsonArray { Count: 0 };
}
