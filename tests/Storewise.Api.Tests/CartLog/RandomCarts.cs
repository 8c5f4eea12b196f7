using System.Globalization;

namespace Storewise.Api.Tests.CartLog;

/// <summary>Random carts with every field a logged cart keeps, and a text that tells two carts apart by all of them.</summary>
internal static class RandomCarts
{
    public static Pricing.Cart Cart(Random random, int distinct) => new()
    {
        Currency = random.Next(3) == 0 ? "JPY" : "EUR",
        CustomerId = Maybe(random, distinct, "cust"),
        ChannelType = Maybe(random, distinct, "web"),
        StoreId = Maybe(random, distinct, "store"),
        ShopId = Maybe(random, distinct, "shop"),
        Locale = Maybe(random, distinct, "fr"),
        CouponCodes = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Text(random, distinct, "code"))],
        ShippingCost = random.Next(2) == 0 ? null : random.Next(0, 100_000) / 100m,
        CustomerAttributes = Enumerable.Range(0, random.Next(3)).ToDictionary(i => Text(random, distinct, $"k{i}"), _ => Text(random, distinct, "v"), StringComparer.Ordinal),
        Items = [.. Enumerable.Range(0, random.Next(1, 51)).Select(i => new Pricing.CartItem(
            $"line-{i}", Text(random, distinct, "P"), random.Next(1, 100), random.Next(0, 1_000_000) / (random.Next(2) == 0 ? 100m : 1000m),
            [.. Enumerable.Range(0, random.Next(3)).Select(_ => (IReadOnlyList<string>)[.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Text(random, distinct, "C"))])],
            Maybe(random, distinct, "name")))],
    };

    private static string? Maybe(Random random, int distinct, string prefix) => random.Next(2) == 0 ? null : Text(random, distinct, prefix);

    // Text of one of `distinct` numbers, some with the characters JSON must escape and some that are not ASCII.
    private static string Text(Random random, int distinct, string prefix) =>
        prefix + random.Next(distinct).ToString(CultureInfo.InvariantCulture) + (random.Next(4) == 0 ? "\"\\/<é €\u0001\t𝄞" : "");

    public static string Describe(Pricing.Cart cart) => string.Join('|',
        cart.Currency, cart.CustomerId, cart.ChannelType, cart.StoreId, cart.ShopId, cart.Locale, string.Join(',', cart.CouponCodes),
        cart.ShippingCost?.ToString(CultureInfo.InvariantCulture),
        string.Join(',', (cart.CustomerAttributes ?? new Dictionary<string, string>()).Select(a => $"{a.Key}={a.Value}")),
        string.Join(';', cart.Items.Select(i => string.Join(':',
            i.Id, i.ProductId, i.Quantity, i.Price.ToString(CultureInfo.InvariantCulture), string.Join('/', i.Categories.Select(p => string.Join('>', p))), i.Name))));
}
