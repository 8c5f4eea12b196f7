namespace Storewise.Api.CartLog;

/// <summary>
/// A sampled cart on its way to <c>cart_log</c>: the tenant, when it was logged, its store and the cart's stored text as
/// UTF-8, encoded when it was sampled so the queue holds one array per cart, not the parsed cart
/// (docs/decisions/0712-cart-log-writes-in-intervals.md).
/// </summary>
public sealed record LoggedCartRow(string Tenant, long LoggedAt, string? StoreId, byte[] Cart)
{
    /// <summary>The row of <paramref name="cart"/>, priced at <paramref name="evaluatedAt"/> when the request sent one.</summary>
    public LoggedCartRow(string tenant, long loggedAt, Pricing.Cart cart, long? evaluatedAt)
        : this(tenant, loggedAt, cart.StoreId, LoggedCart.StoreUtf8(cart, evaluatedAt))
    {
    }
}
