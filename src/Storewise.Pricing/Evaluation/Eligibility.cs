namespace Storewise.Pricing;

/// <summary>
/// The checks of docs/spec.md §4.5 that do not depend on lines, in the precedence order of the reason list of docs/spec.md §D4 (docs/pricing-rules.md A34).
/// The line check (no_eligible_items, docs/pricing-rules.md A25) is made by the caller, which knows the targeted lines.
/// </summary>
internal static class Eligibility
{
    /// <summary>Eligible when the offer passes; otherwise the first failing check. <paramref name="code"/> is set for coupons.</summary>
    public static EligibilityVerdict Check(in EvaluationContext context, CompiledOffer offer, CouponCodeState? code, out CurrencyTerms terms) =>
        Decide(offer, code, InputOf(context, skipThresholds: false), out terms);

    /// <summary>The facts of a cart being priced; <paramref name="skipThresholds"/> leaves out the checks a hint can be given for.</summary>
    public static EligibilityInput InputOf(in EvaluationContext context, bool skipThresholds)
    {
        var cart = context.Cart;
        return new EligibilityInput(
            context.EvaluatedAt, context.CurrencyId, context.CatalogTotalValue, cart.CustomerId, HasCart: true, cart.StoreId, cart.CustomerAttributes,
            cart.ChannelType, context.StoreZone, context.Lines, skipThresholds);
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

        // docs/pricing-rules.md A29: exact instants; validTo is inclusive (docs/spec.md §2.4). Naive times of a
        // store-local offer are read in the store's zone (docs/pricing-semantics.md, "Time and audience").
        if (!input.SkipThresholds && input.At < OfferTimes.ValidFrom(offer, input.StoreZone))
        {
            return EligibilityVerdict.NotStarted;
        }

        if (OfferTimes.ValidTo(offer, input.StoreZone) is { } validTo && input.At > validTo)
        {
            return EligibilityVerdict.Expired;
        }

        if (!input.SkipThresholds && definition.Schedule.Count > 0
            && !Schedules.IsOpen(definition.Schedule, ZoneTimes.LocalTime(input.At, OfferTimes.ScheduleZone(offer, input.StoreZone))))
        {
            return EligibilityVerdict.OutsideSchedule;
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
        if (!input.SkipThresholds && input.CatalogTotal < terms.Minimum)
        {
            return EligibilityVerdict.BelowMinimumCartValue;
        }

        if (!input.SkipThresholds && input.HasCart && definition.MinimumQuantity > 0 && input.Lines is { } lines
            && QualifyingUnits.Count(offer, lines) < definition.MinimumQuantity)
        {
            return EligibilityVerdict.BelowMinimumQuantity;
        }

        // docs/pricing-rules.md A32: a restricted offer fails a cart without a store.
        if (input.HasCart && offer.Stores is not null && (input.StoreId is null || !offer.Stores.Contains(input.StoreId)))
        {
            return EligibilityVerdict.StoreNotEligible;
        }

        if (input.HasCart && offer.ChannelTypes is not null && (input.ChannelType is null || !offer.ChannelTypes.Contains(input.ChannelType)))
        {
            return EligibilityVerdict.ChannelNotEligible;
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

        // The further attribute conditions fail like the segment does: they are one audience rule.
        if (input.HasCart && definition.CustomerConditions is { } conditions && !ConditionsHold(input.CustomerAttributes, conditions))
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

    private static bool ConditionsHold(IReadOnlyDictionary<string, string>? attributes, CustomerConditions conditions)
    {
        foreach (var condition in conditions.AllOf)
        {
            if (!Holds(attributes, condition))
            {
                return false;
            }
        }

        if (conditions.AnyOf.Count == 0)
        {
            return true;
        }

        foreach (var condition in conditions.AnyOf)
        {
            if (Holds(attributes, condition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(IReadOnlyDictionary<string, string>? attributes, AttributeCondition condition)
    {
        if (attributes is null || !attributes.TryGetValue(condition.Key, out var value))
        {
            return false;
        }

        foreach (var wanted in condition.Values)
        {
            if (string.Equals(value, wanted, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
