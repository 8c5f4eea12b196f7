namespace Storewise.Pricing;

/// <summary>
/// The checks of docs/spec.md §4.5 that do not depend on lines, in the precedence order of the reason list of docs/spec.md §D4 (docs/pricing-rules.md A34).
/// The line check (no_eligible_items, docs/pricing-rules.md A25) is made by the caller, which knows the targeted lines.
/// </summary>
internal static class Eligibility
{
    /// <summary>Eligible when the offer passes; otherwise the first failing check. <paramref name="code"/> is set for coupons.</summary>
    public static EligibilityVerdict Check(in EvaluationContext context, CompiledOffer offer, CouponCodeState? code, out CurrencyTerms terms)
    {
        var cart = context.Cart;
        var input = new EligibilityInput(
            context.EvaluatedAt, context.CurrencyId, context.CatalogTotalValue, cart.CustomerId, HasCart: true, cart.StoreId, cart.CustomerAttributes);
        return Decide(offer, code, input, out terms);
    }

    /// <summary>The precedence itself, shared by cart pricing and <see cref="CouponRedemption"/>.</summary>
    public static EligibilityVerdict Decide(CompiledOffer offer, CouponCodeState? code, in EligibilityInput input, out CurrencyTerms terms)
    {
        terms = default;
        var definition = offer.Offer;

        // docs/pricing-rules.md A36: a missing flag means inactive for offers; the code's own flag counts too, and is checked first (docs/pricing-rules.md A34).
        if (code is not null && !code.Active)
        {
            return EligibilityVerdict.CodeInactive;
        }

        if (!definition.Active)
        {
            return EligibilityVerdict.CouponInactive;
        }

        // docs/pricing-rules.md A29: exact instants; validTo is inclusive (docs/spec.md §2.4).
        if (input.At < definition.ValidFrom)
        {
            return EligibilityVerdict.NotStarted;
        }

        if (definition.ValidTo is { } validTo && input.At > validTo)
        {
            return EligibilityVerdict.Expired;
        }

        if (code is not null && definition.SingleUse && code.Redemptions >= 1)
        {
            return EligibilityVerdict.AlreadyRedeemed;
        }

        // docs/pricing-rules.md A26: no currencies means no currency; docs/pricing-rules.md A27: a fixed kind needs an amount for the cart currency.
        if (!offer.TryGetCurrency(input.CurrencyId, out terms) || (!offer.IsPercent && !terms.HasAmount))
        {
            return EligibilityVerdict.CurrencyNotEligible;
        }

        // docs/pricing-rules.md A35: the catalog total of every line, excluded ones included, compared with >=.
        if (input.CatalogTotal < terms.Minimum)
        {
            return EligibilityVerdict.BelowMinimumCartValue;
        }

        // docs/pricing-rules.md A32: a restricted offer fails a cart without a store.
        if (input.HasCart && offer.Stores is not null && (input.StoreId is null || !offer.Stores.Contains(input.StoreId)))
        {
            return EligibilityVerdict.StoreNotEligible;
        }

        // docs/pricing-rules.md A33: consumers restrict coupons only.
        if (offer.Source == OfferSource.Coupon && offer.Consumers is not null
            && (input.CustomerId is null || !offer.Consumers.Contains(input.CustomerId)))
        {
            return EligibilityVerdict.CustomerNotEligible;
        }

        // docs/pricing-rules.md A31: customerAttributes only, exact and case-sensitive; customerId plays no part.
        if (input.HasCart && definition.Segment is { } segment && !SegmentMatches(input.CustomerAttributes, segment))
        {
            return EligibilityVerdict.SegmentNotMatched;
        }

        return EligibilityVerdict.Eligible;
    }

    private static bool SegmentMatches(IReadOnlyDictionary<string, string>? attributes, Segment segment) =>
        attributes is not null
        && segment.Key is not null
        && attributes.TryGetValue(segment.Key, out var value)
        && string.Equals(value, segment.Value, StringComparison.Ordinal);
}
