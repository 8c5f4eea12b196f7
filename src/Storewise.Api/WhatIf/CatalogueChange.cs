using Storewise.Api.Errors;
using Storewise.Pricing;

namespace Storewise.Api.WhatIf;

/// <summary>
/// A validated what-if change of a tenant's catalogue: stored offers forced on (<see cref="Include"/>) or left
/// out (<see cref="Exclude"/>), and inline promotions and coupons (<see cref="Offers"/>), which replace stored offers
/// of the same id and kind, with the inline coupons' codes (<see cref="Codes"/>). Applying it compiles a new
/// catalogue; the stored one is not touched.
/// </summary>
public sealed record CatalogueChange(
    IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, IReadOnlyList<Offer> Offers, IReadOnlyDictionary<string, CouponCodeState> Codes)
{
    /// <summary>
    /// The code states to price with: the stored ones read for the cart, with the inline coupons' codes over them (a
    /// cart's code that is an inline coupon's applies that coupon, as a stored code applies its coupon).
    /// </summary>
    public IReadOnlyDictionary<string, CouponCodeState> CodesOver(IReadOnlyDictionary<string, CouponCodeState> stored)
    {
        if (Codes.Count == 0)
        {
            return stored;
        }

        var merged = new Dictionary<string, CouponCodeState>(stored, StringComparer.OrdinalIgnoreCase);
        foreach (var (code, state) in Codes)
        {
            merged[code] = state;
        }

        return merged;
    }

    /// <summary>The catalogue with the change applied, and the included or excluded ids it does not hold.</summary>
    public VariedCatalogue ApplyTo(PromotionCatalog stored)
    {
        var include = Include.ToHashSet(StringComparer.Ordinal);
        var exclude = Exclude.ToHashSet(StringComparer.Ordinal);
        var replaced = Offers.Select(o => (o.Source, o.Id)).ToHashSet();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var catalog = stored.Vary(
            offer =>
            {
                if (include.Contains(offer.Id) || exclude.Contains(offer.Id))
                {
                    found.Add(offer.Id);
                }

                if (exclude.Contains(offer.Id) || replaced.Contains((offer.Source, offer.Id)))
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
