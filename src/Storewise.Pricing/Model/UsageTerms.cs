namespace Storewise.Pricing;

/// <summary>
/// The limits and budget of an offer as stored. The engine reads only the per-code and per-customer limits; the
/// rest tells the caller which counters make up the offer's <see cref="OfferUsage"/>.
/// </summary>
public sealed record UsageTerms
{
    private static readonly IReadOnlyDictionary<string, decimal> NoAmounts =
        new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);

    public int? MaxRedemptions { get; init; }

    /// <summary>Coupons: uses of each code, compared with the code's redemption count.</summary>
    public int? MaxRedemptionsPerCode { get; init; }

    /// <summary>Set: the offer never applies without a customer id.</summary>
    public int? MaxRedemptionsPerCustomer { get; init; }

    public bool HasBudget { get; init; }

    /// <summary>Uses per budget period.</summary>
    public int? BudgetRedemptions { get; init; }

    /// <summary>Money per budget period by currency code, looked up case-insensitively.</summary>
    public IReadOnlyDictionary<string, decimal> BudgetAmounts { get; init; } = NoAmounts;

    /// <summary><c>total</c>, <c>day</c>, <c>week</c> or <c>month</c>.</summary>
    public string BudgetPeriod { get; init; } = "total";

    public bool BudgetPerStore { get; init; }

    /// <summary>IANA id of the zone budget periods are measured in; null means UTC.</summary>
    public string? TimeZone { get; init; }
}
