namespace Storewise.Api.Imports;

/// <summary>What became of one batch of staged rows.</summary>
public enum SettledBatch
{
    /// <summary>Committed: its codes, error rows, counters and the import's cursor.</summary>
    Settled,

    /// <summary>Rolled back: the coupon was deleted.</summary>
    CouponGone,

    /// <summary>Rolled back: the import is no longer held by this owner in the expected status, or its cursor moved.</summary>
    NotOwned,
}
