namespace Storewise.Pricing;

/// <summary>One automatic promotion or coupon definition as stored (already validated by the service).</summary>
public sealed record Offer
{
    private static readonly IReadOnlyDictionary<string, decimal> NoAmounts =
        new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);

    public required string Id { get; init; }

    public required OfferSource Source { get; init; }

    public required string Name { get; init; }

    public required OfferKind Kind { get; init; }

    /// <summary>False when omitted (docs/pricing-rules.md A36).</summary>
    public bool Active { get; init; }

    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>Inclusive end of the validity window; null means open-ended.</summary>
    public DateTimeOffset? ValidTo { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Empty means eligible in no currency (docs/pricing-rules.md A26).</summary>
    public IReadOnlyList<CurrencyRule> Currencies { get; init; } = [];

    /// <summary>Empty means every store.</summary>
    public IReadOnlyList<string> Stores { get; init; } = [];

    /// <summary>Customer ids a coupon is restricted to; ignored on promotions (docs/pricing-rules.md A33).</summary>
    public IReadOnlyList<string> Consumers { get; init; } = [];

    public Segment? Segment { get; init; }

    public bool Exclusive { get; init; }

    public bool SingleUse { get; init; }

    /// <summary>Percent kinds: 0 &lt; x &lt;= 100.</summary>
    public decimal? Percent { get; init; }

    /// <summary>Fixed kinds: amount by currency code, looked up case-insensitively.</summary>
    public IReadOnlyDictionary<string, decimal> Amounts { get; init; } = NoAmounts;

    /// <summary>Fixed kinds: the scalar amount for every currency; a per-currency entry wins (docs/pricing-rules.md A27).</summary>
    public decimal? ScalarAmount { get; init; }

    public IReadOnlyList<IReadOnlyList<string>> IncludedCategories { get; init; } = [];

    public IReadOnlyList<string> IncludedProducts { get; init; } = [];

    public IReadOnlyList<string> ExcludedProducts { get; init; } = [];

    public int BuyQuantity { get; init; }

    public int GetQuantity { get; init; }

    public IReadOnlyList<BundleItem> BundleProducts { get; init; } = [];

    /// <summary>The offer's usage limits and budget; null for an unlimited offer (docs/pricing-semantics.md, "Limits and budgets").</summary>
    public UsageTerms? UsageTerms { get; init; }


    /// <summary>
    /// Whether pricing needs the offer's <see cref="OfferUsage"/> (a count limit other than per code, or a budget):
    /// without one, the evaluation reports the offer in <see cref="PricingResult.UsageWanted"/>.
    /// </summary>
    public bool HasUsageLimits => UsageTerms is { } terms && (terms.HasBudget || terms.MaxRedemptions is not null || terms.MaxRedemptionsPerCustomer is not null);

    /// <summary>Cart- and product-level kinds: tiers ordered by threshold; empty means the offer's own percent or amounts (docs/pricing-semantics.md, "Tiers").</summary>
    public IReadOnlyList<RewardTier> Tiers { get; init; } = [];

    /// <summary>The most the offer takes off one cart, by currency code; no entry means no cap (docs/pricing-semantics.md, "Caps").</summary>
    public IReadOnlyDictionary<string, decimal> MaxDiscount { get; init; } = NoAmounts;

    /// <summary>Product-level kinds: at most this many units of each line are discounted; null means all.</summary>
    public int? MaxQuantity { get; init; }

    /// <summary>BOGO kinds with <see cref="Get"/>: the units to buy; FreeGift: the units that earn the gift. Null for the one-set form.</summary>
    public UnitSet? Buy { get; init; }

    /// <summary>BOGO kinds: the units given, from another set than <see cref="Buy"/>; null for the one-set form.</summary>
    public UnitSet? Get { get; init; }

    /// <summary>BOGO kinds: give the most expensive qualifying units instead of the cheapest.</summary>
    public bool GetMostExpensive { get; init; }

    /// <summary>BOGO and FreeGift kinds: the most applications in one cart; null means as many as the cart holds (BOGO) or one (FreeGift).</summary>
    public int? MaxApplications { get; init; }

    /// <summary>FreeGift: the products given.</summary>
    public IReadOnlyList<GiftItem> Gifts { get; init; } = [];

    /// <summary>Within one family of the sequence, a higher priority applies first; ties keep the documented order.</summary>
    public int Priority { get; init; }

    /// <summary>Of the offers of one group that take part, only the one saving most applies; null for none.</summary>
    public string? StackingGroup { get; init; }

    /// <summary>Once the offer applies, no later offer discounts the lines (or shipping) it discounted.</summary>
    public bool StopFurther { get; init; }

    /// <summary>
    /// The zone the offer's schedule is judged in (its <c>timeZone</c>, resolved by the service); null means the
    /// cart's store zone when <see cref="StoreLocal"/>, else UTC.
    /// </summary>
    public TimeZoneInfo? Zone { get; init; }

    /// <summary>Naive validity times read in the cart's store zone (the tenant's <c>storeLocal</c> setting); null when the instants are fixed.</summary>
    public StoreLocalValidity? StoreLocalValidity { get; init; }

    /// <summary>Whether a schedule without <see cref="Zone"/> is judged in the cart's store zone rather than UTC.</summary>
    public bool StoreLocal { get; init; }

    /// <summary>Recurring windows inside the validity; empty means always open.</summary>
    public IReadOnlyList<ScheduleWindow> Schedule { get; init; } = [];

    /// <summary>Channel types matched against the cart's <c>channelType</c> (ordinal); empty means every channel.</summary>
    public IReadOnlyList<string> ChannelTypes { get; init; } = [];

    /// <summary>Customer attribute conditions beside <see cref="Segment"/>; null for none.</summary>
    public CustomerConditions? CustomerConditions { get; init; }

    /// <summary>Qualifying units the cart needs; 0 for no minimum.</summary>
    public int MinimumQuantity { get; init; }
}
