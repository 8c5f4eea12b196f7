namespace Storewise.Pricing;

/// <summary>What became of one submitted coupon code: a rejection reason, or the participant it became.</summary>
internal struct CodeOutcome
{
    public string Code;

    public string? Reason;

    public int Participant;

    /// <summary>A repeat of an earlier code (docs/pricing-rules.md A37): silently dropped.</summary>
    public bool Duplicate;

    /// <summary>A code rejected for a usage limit: its coupon's usage state, for the explain report; else null.</summary>
    public OfferUsageReport? BlockedUsage;
}
