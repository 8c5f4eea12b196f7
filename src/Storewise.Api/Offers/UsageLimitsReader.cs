using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Limits;

namespace Storewise.Api.Offers;

/// <summary>
/// Validates an offer's <c>limits</c>, <c>budget</c> and <c>timeZone</c> (docs/pricing-semantics.md, "Limits and
/// budgets"); every problem names its field. All three are optional and absent means unlimited.
/// </summary>
public static class UsageLimitsReader
{
    public static OfferLimits? ReadLimits(LimitsRequest? limits, OfferType type, bool singleUse, ValidationErrors errors)
    {
        if (limits is null)
        {
            return null;
        }

        CheckPositive(limits.MaxRedemptions, "limits.maxRedemptions", errors);
        CheckPositive(limits.MaxRedemptionsPerCode, "limits.maxRedemptionsPerCode", errors);
        CheckPositive(limits.MaxRedemptionsPerCustomer, "limits.maxRedemptionsPerCustomer", errors);
        if (limits.MaxRedemptionsPerCode is not null && type != OfferType.Coupon)
        {
            errors.Add("limits.maxRedemptionsPerCode", "applies to coupons only (promotions have no codes)");
        }
        else if (limits.MaxRedemptionsPerCode is > 1 && singleUse)
        {
            errors.Add("limits.maxRedemptionsPerCode", "must be 1 or omitted when singleUse is true");
        }

        return limits is { MaxRedemptions: null, MaxRedemptionsPerCode: null, MaxRedemptionsPerCustomer: null }
            ? null
            : new OfferLimits(limits.MaxRedemptions, limits.MaxRedemptionsPerCode, limits.MaxRedemptionsPerCustomer);
    }

    public static OfferBudget? ReadBudget(BudgetRequest? budget, IReadOnlyList<OfferCurrency> currencies, ValidationErrors errors)
    {
        if (budget is null)
        {
            return null;
        }

        var amounts = ReadAmounts(budget.Amounts, errors);
        CheckPositive(budget.Redemptions, "budget.redemptions", errors);
        if (amounts.Count == 0 && budget.Redemptions is null)
        {
            errors.Add("budget", "needs amounts, redemptions or both");
        }

        // A money budget must cover every currency the offer accepts: a currency without one would be unlimited.
        if (amounts.Count > 0)
        {
            foreach (var currency in currencies)
            {
                if (!amounts.Any(a => CurrencyCodes.SameCode(a.Currency, currency.Code)))
                {
                    errors.Add("budget.amounts", $"has no amount for {currency.Code}, which is listed in currencies");
                }
            }
        }

        var period = BudgetPeriod.Total;
        if (budget.Period is not null && !BudgetPeriods.TryParse(budget.Period, out period))
        {
            errors.Add("budget.period", "must be one of total, day, week, month");
        }

        return new OfferBudget(amounts, budget.Redemptions, period, budget.PerStore ?? false);
    }

    public static string? ReadTimeZone(string? timeZone, ValidationErrors errors)
    {
        if (timeZone is null)
        {
            return null;
        }

        if (!IanaZones.TryFind(timeZone, out _))
        {
            errors.Add("timeZone", IanaZones.Message);
            return null;
        }

        return timeZone;
    }

    private static List<OfferBudgetAmount> ReadAmounts(IReadOnlyList<BudgetAmountRequest?>? entries, ValidationErrors errors)
    {
        var amounts = new List<OfferBudgetAmount>();
        for (var i = 0; entries is not null && i < entries.Count; i++)
        {
            var entry = entries[i];
            var field = $"budget.amounts[{i}]";
            if (entry is null)
            {
                errors.Add(field, "must be an object {currency, amount}");
            }
            else if (entry.Currency is null || !CurrencyCodes.IsWellFormed(entry.Currency))
            {
                errors.Add(field + ".currency", "must be a 3-letter ISO 4217 code");
            }
            else if (amounts.Any(a => CurrencyCodes.SameCode(a.Currency, entry.Currency)))
            {
                errors.Add(field + ".currency", $"{entry.Currency} is listed twice");
            }
            else if (entry.Amount is not > 0)
            {
                errors.Add(field + ".amount", "is required and must be greater than 0");
            }
            else
            {
                amounts.Add(new OfferBudgetAmount(entry.Currency, entry.Amount.Value));
            }
        }

        return amounts;
    }

    private static void CheckPositive(int? value, string field, ValidationErrors errors)
    {
        if (value is < 1)
        {
            errors.Add(field, "must be at least 1");
        }
    }
}
