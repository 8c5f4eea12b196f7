namespace Storewise.Pricing.Tests.Support;

/// <summary>Builders for carts used by the example tests.</summary>
internal static class Carts
{
    /// <summary>A line whose product id equals its line id unless given.</summary>
    public static CartItem Item(string id, decimal price, int quantity = 1, string? productId = null, params string[][] categories) =>
        new(id, productId ?? id, quantity, price, categories, null);

    public static Cart Of(params CartItem[] items) => new() { Currency = "EUR", Items = items };

    public static Cart In(this Cart cart, string currency) => cart with { Currency = currency };

    public static Cart WithCodes(this Cart cart, params string[] codes) => cart with { CouponCodes = codes };

    public static Cart WithShipping(this Cart cart, decimal shippingCost) => cart with { ShippingCost = shippingCost };
}
