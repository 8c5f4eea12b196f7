namespace Storewise.Pricing;

/// <summary>
/// What is left of one offer's limits and budget as of the evaluation, computed by the caller from its counters
/// (like <see cref="CouponCodeState"/> for codes). Null where the offer sets no such limit. The engine never
/// counts: it only refuses an offer with nothing left and caps one whose money budget is smaller than its
/// discount (docs/pricing-semantics.md, "Limits and budgets").
/// </summary>
public sealed record OfferUsage
{
    /// <summary>Uses left of <c>limits.maxRedemptions</c> (the whole offer).</summary>
    public int? RemainingRedemptions { get; init; }

    /// <summary>Uses left to the cart's customer under <c>limits.maxRedemptionsPerCustomer</c>.</summary>
    public int? RemainingCustomerRedemptions { get; init; }

    /// <summary>Uses left of <c>budget.redemptions</c> in the current budget period.</summary>
    public int? RemainingBudgetRedemptions { get; init; }

    /// <summary>Money left of the budget in the cart currency in the current period; null without a money budget.</summary>
    public decimal? RemainingBudget { get; init; }
}
