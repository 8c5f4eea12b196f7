namespace Storewise.Pricing;

/// <summary>
/// The usage checks of an offer that passed every other check and selected lines (docs/pricing-semantics.md,
/// "Limits and budgets"), shared by cart pricing and <see cref="CouponRedemption"/>: a per-customer limit needs a
/// customer, then the offer's, the customer's and the budget's counts, then the money budget, which becomes the
/// cap of <see cref="DiscountCap"/>.
/// </summary>
internal static class UsageLimits
{
    /// <summary>No cap: the offer's discount is what its kind computes.</summary>
    public const long Uncapped = -1;

    /// <summary>
    /// Eligible, or the first limit the offer has reached. <paramref name="cap"/> is the money the offer may still
    /// give in minor units of <paramref name="exponent"/>, or <see cref="Uncapped"/>.
    /// </summary>
    public static EligibilityVerdict Check(CompiledOffer offer, CouponCodeState? code, string? customerId, OfferUsage? usage, int exponent, out long cap)
    {
        cap = Uncapped;
        var terms = offer.Offer.UsageTerms;
        if (terms is null)
        {
            return EligibilityVerdict.Eligible;
        }

        if (terms.MaxRedemptionsPerCustomer is not null && string.IsNullOrWhiteSpace(customerId))
        {
            return EligibilityVerdict.CustomerRequired;
        }

        if (code is not null && terms.MaxRedemptionsPerCode is { } perCode && code.Redemptions >= perCode)
        {
            return EligibilityVerdict.LimitReached;
        }

        if (usage is null)
        {
            return EligibilityVerdict.Eligible;
        }

        if (usage.RemainingRedemptions <= 0)
        {
            return EligibilityVerdict.LimitReached;
        }

        if (usage.RemainingCustomerRedemptions <= 0)
        {
            return EligibilityVerdict.CustomerLimitReached;
        }

        if (usage.RemainingBudgetRedemptions <= 0)
        {
            return EligibilityVerdict.BudgetExhausted;
        }

        if (usage.RemainingBudget is { } money)
        {
            // Rounded down: a cap rounded up could grant a minor unit the budget does not have.
            cap = MinorUnits.FloorToMinor(money, exponent);
            if (cap == 0)
            {
                return EligibilityVerdict.BudgetExhausted;
            }
        }

        return EligibilityVerdict.Eligible;
    }

    /// <summary>The usage the caller gave for <paramref name="offer"/>, or null (unlimited, or not given).</summary>
    public static OfferUsage? Find(IReadOnlyDictionary<string, OfferUsage> usage, CompiledOffer offer) =>
        offer.Offer.HasUsageLimits && usage.Count > 0 && usage.TryGetValue(offer.Id, out var state) ? state : null;
}
