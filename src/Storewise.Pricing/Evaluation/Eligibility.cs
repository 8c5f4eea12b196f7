namespace Storewise.Pricing;

/// <summary>
/// The checks of SPEC 4.5 that do not depend on lines, in the precedence order of the D4 reason list (A34).
/// The line check (no_eligible_items, A25) is made by the caller, which knows the targeted lines.
/// </summary>
internal static class Eligibility
{
    /// <summary>Null when the offer passes; otherwise the first failing reason. <paramref name="code"/> is set for coupons.</summary>
    public static string? Check(in EvaluationContext scratch, CompiledOffer offer, CouponCodeState? code, out CurrencyTerms terms)
    {
        terms = default;
        var definition = offer.Offer;
        var cart = scratch.Cart;

        // A36: a missing flag means inactive for offers; the code's own flag counts too (A34).
        if (!definition.Active || (code is not null && !code.Active))
        {
            return ReasonCodes.Inactive;
        }

        // A29: exact instants; validTo is inclusive (SPEC 2.4).
        if (scratch.EvaluatedAt < definition.ValidFrom)
        {
            return ReasonCodes.NotStarted;
        }

        if (definition.ValidTo is { } validTo && scratch.EvaluatedAt > validTo)
        {
            return ReasonCodes.Expired;
        }

        if (code is not null && definition.SingleUse && code.Redemptions >= 1)
        {
            return ReasonCodes.AlreadyRedeemed;
        }

        // A26: no currencies means no currency; A27: a fixed kind needs an amount for the cart currency.
        if (!offer.TryGetCurrency(scratch.CurrencyId, out terms) || (!offer.IsPercent && !terms.HasAmount))
        {
            return ReasonCodes.CurrencyNotEligible;
        }

        // A35: the catalog total of every line, excluded ones included, compared with >=.
        if (scratch.CatalogTotalValue < terms.Minimum)
        {
            return ReasonCodes.BelowMinimumCartValue;
        }

        // A32: a restricted offer fails a cart without a store.
        if (offer.Stores is not null && (cart.StoreId is null || !offer.Stores.Contains(cart.StoreId)))
        {
            return ReasonCodes.StoreNotEligible;
        }

        // A33: consumers restrict coupons only.
        if (offer.Source == OfferSource.Coupon && offer.Consumers is not null
            && (cart.CustomerId is null || !offer.Consumers.Contains(cart.CustomerId)))
        {
            return ReasonCodes.CustomerNotEligible;
        }

        // A31: customerAttributes only, exact and case-sensitive; customerId plays no part.
        if (definition.Segment is { } segment && !SegmentMatches(cart.CustomerAttributes, segment))
        {
            return ReasonCodes.SegmentNotMatched;
        }

        return null;
    }

    private static bool SegmentMatches(IReadOnlyDictionary<string, string>? attributes, Segment segment) =>
        attributes is not null
        && segment.Key is not null
        && attributes.TryGetValue(segment.Key, out var value)
        && string.Equals(value, segment.Value, StringComparison.Ordinal);
}
