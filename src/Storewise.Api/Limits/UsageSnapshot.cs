namespace Storewise.Api.Limits;

/// <summary>
/// What was read of the limited offers of one cart: the engine's usage state per offer, and per offer the counters
/// a hold would move with the most each may reach (its limit less the uses recorded outside the ledger).
/// </summary>
public sealed record UsageSnapshot(
    IReadOnlyDictionary<string, Pricing.OfferUsage> Usage,
    IReadOnlyDictionary<string, OfferCounters> Counters,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Capacities)
{
    /// <summary>Nothing read: no limited offer took part.</summary>
    public static readonly UsageSnapshot Empty = new(
        new Dictionary<string, Pricing.OfferUsage>(), new Dictionary<string, OfferCounters>(), new Dictionary<string, IReadOnlyDictionary<string, long>>());
}
