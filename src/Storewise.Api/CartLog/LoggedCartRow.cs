namespace Storewise.Api.CartLog;

/// <summary>A sampled cart on its way to <c>cart_log</c>: the tenant, when it was priced, and the cart as validated.</summary>
public sealed record LoggedCartRow(string Tenant, long LoggedAt, Pricing.Cart Cart, long? EvaluatedAt);
