using Storewise.Api.Errors;
using Storewise.Pricing;

namespace Storewise.Api.WhatIf;

/// <summary>
/// A validated what-if change of a tenant's catalogue: stored offers forced on (<see cref="Include"/>) or left
/// out (<see cref="Exclude"/>), and inline promotions (<see cref="Offers"/>), which replace stored promotions
/// of the same id. Applying it compiles a new catalogue; the stored one is not touched.
/// </summary>
public sealed record CatalogueChange(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, IReadOnlyList<Offer> Offers)
{
    /// <summary>The catalogue with the change applied, and the included or excluded ids it does not hold.</summary>
    public VariedCatalogue ApplyTo(PromotionCatalog stored)
    {
        var include = Include.ToHashSet(StringComparer.Ordinal);
        var exclude = Exclude.ToHashSet(StringComparer.Ordinal);
        var replaced = Offers.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var catalog = stored.Vary(
            offer =>
            {
                if (include.Contains(offer.Id) || exclude.Contains(offer.Id))
                {
                    found.Add(offer.Id);
                }

                if (exclude.Contains(offer.Id) || (offer.Source == OfferSource.Promotion && replaced.Contains(offer.Id)))
                {
                    return null;
                }

                return include.Contains(offer.Id) ? offer with { Active = true, ValidFrom = DateTimeOffset.MinValue, ValidTo = null } : offer;
            },
            Offers);
        return new VariedCatalogue(catalog, include.Concat(exclude).Where(id => !found.Contains(id)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Names each included or excluded id that is not a stored offer; true when there was one.</summary>
    public bool ReportUnknown(VariedCatalogue varied, string prefix, ValidationErrors errors)
    {
        Report(Include, "include");
        Report(Exclude, "exclude");
        return varied.UnknownIds.Count > 0;

        void Report(IReadOnlyList<string> ids, string field)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (varied.UnknownIds.Contains(ids[i]))
                {
                    errors.Add($"{prefix}.{field}[{i}]", $"no promotion or coupon has the id '{ids[i]}'");
                }
            }
        }
    }
}

/// <summary>A catalogue with a <see cref="CatalogueChange"/> applied, and the ids the change named that it does not hold.</summary>
public sealed record VariedCatalogue(PromotionCatalog Catalog, IReadOnlySet<string> UnknownIds);
