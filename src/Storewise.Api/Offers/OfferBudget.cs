namespace Storewise.Api.Offers;

/// <summary>
/// What an offer may give per <see cref="Period"/> (in the offer's time zone): money per currency and/or a number
/// of uses, one budget per store id when <see cref="PerStore"/> (docs/pricing-semantics.md, "Limits and budgets").
/// </summary>
public sealed record OfferBudget(IReadOnlyList<OfferBudgetAmount> Amounts, int? Redemptions, BudgetPeriod Period, bool PerStore);

/// <summary>A money budget in one currency: <c>{"currency": "EUR", "amount": 5000}</c>.</summary>
public sealed record OfferBudgetAmount(string Currency, decimal Amount);
