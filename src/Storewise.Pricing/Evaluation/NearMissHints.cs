namespace Storewise.Pricing;

/// <summary>
/// The hints step of explain mode and qualification (docs/pricing-semantics.md, "Near-miss hints"): for an offer that
/// passes every check but exactly one threshold (its schedule or start, minimumCartValue, minimumQuantity, or the
/// units a BOGO group or bundle set needs), what is missing. An offer missing two thresholds, or failing anything
/// else (a limit included), gets none: no single amount would make it apply. Units are counted over the lines that
/// may count for the offer (<c>mayCount</c>: for a promotion the lines that found it through the catalogue index,
/// <see cref="PromotionCandidates.LinesThatFound"/>; for a coupon every line), each still checked as before, so the
/// counts are those over every line.
/// </summary>
internal static class NearMissHints
{
    public static OfferHint? For(in EvaluationContext context, CompiledOffer offer, ReadOnlySpan<int> mayCount)
    {
        var input = Eligibility.InputOf(context, skipThresholds: true);
        if (Eligibility.Decide(offer, null, input, out var terms) != EligibilityVerdict.Eligible
            || UsageLimits.Check(offer, null, context.Cart.CustomerId, UsageLimits.Find(context.Usage, offer), context.Exponent, out _) != EligibilityVerdict.Eligible
            || context.Lines is not { } lines)
        {
            return null;
        }

        OfferHint? hint = null;
        var missed = 0;
        if (TimeHint(context, offer) is { } time)
        {
            hint = time;
            missed++;
        }

        if (context.CatalogTotalValue < terms.Minimum)
        {
            var missing = terms.Minimum - context.CatalogTotalValue;
            var unit = MinorUnits.ToDecimal(1, context.Exponent);
            // The value counts toward the minimum whatever the product (docs/pricing-rules.md A35); a targeted offer also needs
            // a line of its own, so the products and categories that count are named as for units.
            hint = new OfferHint
            {
                Kind = HintKind.CartValue,
                MissingValue = decimal.Ceiling(missing / unit) * unit,
                Currency = context.Cart.Currency,
                Products = offer.Offer.IncludedProducts,
                Categories = offer.Offer.IncludedCategories,
            };
            missed++;
        }

        var definition = offer.Offer;
        if (definition.MinimumQuantity > 0 && QualifyingUnits.Count(offer, lines, mayCount) is var units && units < definition.MinimumQuantity)
        {
            hint = UnitsHint(offer, (int)(definition.MinimumQuantity - units));
            missed++;
        }

        if (GroupHint(offer, lines, mayCount) is { } group)
        {
            hint = group;
            missed++;
        }

        return missed == 1 ? hint : null;
    }

    private static OfferHint? TimeHint(in EvaluationContext context, CompiledOffer offer)
    {
        var definition = offer.Offer;
        var validFrom = OfferTimes.ValidFrom(offer, context.StoreZone);
        var from = context.EvaluatedAt < validFrom ? validFrom : context.EvaluatedAt;
        if (definition.Schedule.Count == 0)
        {
            return from > context.EvaluatedAt ? new OfferHint { Kind = HintKind.Schedule, OpensAt = from } : null;
        }

        // A window already open when the validity begins opens with it.
        var zone = OfferTimes.ScheduleZone(offer, context.StoreZone);
        if (Schedules.IsOpen(definition.Schedule, ZoneTimes.LocalTime(from, zone)))
        {
            return from > context.EvaluatedAt ? new OfferHint { Kind = HintKind.Schedule, OpensAt = from } : null;
        }

        var opening = Schedules.NextOpening(definition.Schedule, zone, from, OfferTimes.ValidTo(offer, context.StoreZone));
        return opening is { } at ? new OfferHint { Kind = HintKind.Schedule, OpensAt = at } : null;
    }

    private static OfferHint UnitsHint(CompiledOffer offer, int missing) => new()
    {
        Kind = HintKind.Units,
        MissingUnits = missing,
        Products = offer.Offer.IncludedProducts,
        Categories = offer.Offer.IncludedCategories,
    };

    // docs/pricing-rules.md A15, A23: a BOGO needs buy + get targeted units, a bundle each product's quantity.
    private static OfferHint? GroupHint(CompiledOffer offer, CartLineTable lines, ReadOnlySpan<int> mayCount)
    {
        if (offer.Buy is { } buySet && offer.Family is OfferFamily.Bogo or OfferFamily.Gift)
        {
            return BuySetHint(offer, buySet, lines, mayCount);
        }

        if (offer.Family == OfferFamily.Bogo)
        {
            if (offer.Offer.BuyQuantity < 1 || offer.Offer.GetQuantity < 1)
            {
                return null;
            }

            var needed = (long)offer.Offer.BuyQuantity + offer.Offer.GetQuantity;
            var units = QualifyingUnits.Count(offer, lines, mayCount);
            return units < needed ? UnitsHint(offer, (int)(needed - units)) : null;
        }

        if (offer.Family != OfferFamily.Bundle)
        {
            return null;
        }

        List<BundleShortfall>? shortfalls = null;
        var total = 0;
        foreach (var requirement in offer.BundleRequirements)
        {
            var units = BundleUnits(offer, lines, mayCount, requirement.ProductId);
            if (units < requirement.Quantity)
            {
                var missing = (int)(requirement.Quantity - units);
                (shortfalls ??= []).Add(new BundleShortfall(requirement.ProductId, missing));
                total += missing;
            }
        }

        return shortfalls is null
            ? null
            : new OfferHint { Kind = HintKind.Units, MissingUnits = total, Products = [.. shortfalls.Select(static s => s.ProductId)], Items = shortfalls };
    }

    // docs/pricing-semantics.md, "Buy from one set, get from another" and "Gifts": the units of the buy set missing for one
    // application, once the get set holds its units. A unit in both sets may be given, so those are counted as given first:
    // adding the missing units of any product the buy set names then completes a group whichever units the engine gives.
    // Both sets are within the offer's targeting (CompiledOffer joins them), so the lines that may count hold them.
    private static OfferHint? BuySetHint(CompiledOffer offer, CompiledUnitSet buySet, CartLineTable lines, ReadOnlySpan<int> mayCount)
    {
        var getSet = offer.Family == OfferFamily.Bogo ? offer.Get : null;
        var excluded = lines.Excluded;
        var productIds = lines.ProductIds;
        var quantities = lines.Quantities;
        var items = lines.Items;
        long buyOnly = 0, both = 0, getOnly = 0;
        foreach (var line in mayCount)
        {
            var productId = productIds[line];
            if (excluded[line] || (offer.ExcludedProducts is not null && offer.ExcludedProducts.Contains(productId)) || GiftDiscount.IsGift(offer, productId))
            {
                continue;
            }

            var buys = buySet.Matches(productId, items[line].Categories);
            var gets = getSet is not null && getSet.Matches(productId, items[line].Categories);
            if (buys && gets)
            {
                both += quantities[line];
            }
            else if (buys)
            {
                buyOnly += quantities[line];
            }
            else if (gets)
            {
                getOnly += quantities[line];
            }
        }

        var getQuantity = getSet?.Quantity ?? 0;
        if (getOnly + both < getQuantity)
        {
            return null; // the get set is short too: no single amount of the buy set makes the offer apply
        }

        // When an added unit could match both sets it may be given too, so get.quantity units of the buy set count as given.
        var given = getSet is not null && MayShareUnits(buySet, getSet) ? getQuantity : Math.Min(both, getQuantity);
        var missing = buySet.Quantity - (buyOnly + both - given);
        return missing <= 0
            ? null
            : new OfferHint
            {
                Kind = HintKind.Units,
                MissingUnits = (int)missing,
                Products = offer.Offer.Buy?.IncludedProducts ?? [],
                Categories = offer.Offer.Buy?.IncludedCategories ?? [],
            };
    }

    // A product named by both sets, or a category on a side that a product of the other side may also carry.
    private static bool MayShareUnits(CompiledUnitSet buySet, CompiledUnitSet getSet) =>
        getSet.Categories.Length > 0
        || (buySet.Categories.Length > 0 && getSet.Products is { Count: > 0 })
        || (buySet.Products is not null && getSet.Products is not null && buySet.Products.Overlaps(getSet.Products));

    private static long BundleUnits(CompiledOffer offer, CartLineTable lines, ReadOnlySpan<int> mayCount, string productId)
    {
        if (offer.ExcludedProducts is not null && offer.ExcludedProducts.Contains(productId))
        {
            return 0;
        }

        var excluded = lines.Excluded;
        var productIds = lines.ProductIds;
        var quantities = lines.Quantities;
        long units = 0;
        foreach (var line in mayCount)
        {
            if (!excluded[line] && string.Equals(productIds[line], productId, StringComparison.Ordinal))
            {
                units += quantities[line];
            }
        }

        return units;
    }
}
