namespace Storewise.Pricing;

/// <summary>An eligible offer taking part in this evaluation, with the lines its targeting selected.</summary>
internal struct Participant
{
    public CompiledOffer Offer;

    /// <summary>The code text as the client sent it (docs/pricing-rules.md A39); null for promotions.</summary>
    public string? Code;

    /// <summary>Position of the code in couponCodes (docs/pricing-rules.md A04); -1 for promotions.</summary>
    public int CodePosition;

    /// <summary>Fixed kinds: the amount in the cart currency, in minor units.</summary>
    public long Amount;

    /// <summary>The entry value: configured percent, or the amount in the cart currency (docs/pricing-rules.md A54).</summary>
    public decimal Value;

    /// <summary>Start and length of this offer's targeted lines, read through <see cref="ParticipantSet.LinesOf"/>.</summary>
    public int LineStart;

    public int LineCount;

    /// <summary>Bundles: money saved alone on the undiscounted cart, which orders bundles (docs/pricing-rules.md A05).</summary>
    public long BundleSaving;

    /// <summary>Money taken in the winning scenario.</summary>
    public long Taken;

    public bool InWinner;

    /// <summary>The usage limit that keeps the offer out of every scenario (docs/pricing-semantics.md, "Limits and budgets"); null when none.</summary>
    public string? Blocked;

    /// <summary>Money the offer may still give (its remaining budget) in minor units, or <see cref="UsageLimits.Uncapped"/>.</summary>
    public long Cap;

    /// <summary>The usage state the offer was priced with (explain mode); null for unlimited offers.</summary>
    public OfferUsage? Usage;

    /// <summary>The percentage applied: the offer's, or that of the tier the cart reached (<see cref="RewardTerms"/>).</summary>
    public PercentRate Rate;

    /// <summary>FreeGift: the winning scenario added gifts for it (an application worth no money).</summary>
    public bool Gifted;
}
