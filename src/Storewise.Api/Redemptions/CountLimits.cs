using Storewise.Api.Limits;
using Storewise.Pricing;

namespace Storewise.Api.Redemptions;

/// <summary>
/// What is left of the count limits of a redemption's limited coupons, read in its transaction: the engine's usage
/// state per coupon (money left out, a redemption has no discount amount) and the counters the ledger hold moves.
/// </summary>
public sealed class CountLimits(UsageSnapshot snapshot)
{
    public static readonly CountLimits None = new(UsageSnapshot.Empty);

    public UsageSnapshot Snapshot { get; } = snapshot;

    public OfferUsage? For(string couponId) =>
        Snapshot.Usage.TryGetValue(couponId, out var usage) ? usage with { RemainingBudget = null } : null;
}
