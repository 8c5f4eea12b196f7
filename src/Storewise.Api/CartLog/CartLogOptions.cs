namespace Storewise.Api.CartLog;

/// <summary>How the cart log is written and pruned (section <c>CartLog</c>).</summary>
public sealed class CartLogOptions
{
    public const string Section = "CartLog";

    /// <summary>Sampled carts waiting to be written; when full, further carts are not logged (and counted).</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Carts written per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long the writer collects carts after the first one before it writes them (sooner once <see cref="BatchSize"/>
    /// are queued): a few transactions a second instead of one per cart (docs/decisions/0712-cart-log-writes-in-intervals.md).
    /// </summary>
    public int FlushIntervalMilliseconds { get; set; } = 200;

    /// <summary>How long an instance uses a tenant's setting before reading it again (a change made elsewhere is seen after this).</summary>
    public int SettingsRefreshSeconds { get; set; } = 10;

    /// <summary>How often expired carts are deleted.</summary>
    public int PruneIntervalMinutes { get; set; } = 60;
}
