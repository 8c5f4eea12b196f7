using System.Globalization;
using System.Text;
using Storewise.Api.CartLog;

namespace Storewise.Api.Tests.CartLog;

/// <summary>The stored form of a logged cart (<see cref="LoggedCart"/>): its exact text, and every field read back as written.</summary>
public sealed class LoggedCartTests
{
    private static readonly Pricing.Cart Full = new()
    {
        Currency = "EUR",
        CustomerId = "cust-7",
        ChannelType = "store",
        StoreId = "s1",
        ShopId = "shop",
        Locale = "de-DE",
        CouponCodes = ["NOPE", "SAVE10"],
        ShippingCost = 4.95m,
        CustomerAttributes = new Dictionary<string, string> { ["tier"] = "gold" },
        Items =
        [
            new("a", "p1", 2, 19.990m, [["Shop", "Shoes"], ["Sale"]], "Shoe"),
            new("b", "p2", 1, 5m, [], null),
        ],
    };

    [Fact]
    public void A_cart_is_stored_in_short_member_names_with_absent_values_left_out()
    {
        Assert.Equal(
            """{"c":"EUR","i":[{"id":"a","p":"p1","q":2,"pr":19.990,"cat":[["Shop","Shoes"],["Sale"]],"n":"Shoe"},{"id":"b","p":"p2","q":1,"pr":5}],"u":"cust-7","ch":"store","st":"s1","sh":"shop","l":"de-DE","k":["NOPE","SAVE10"],"s":4.95,"a":{"tier":"gold"},"t":1893456000000}""",
            LoggedCart.From(Full, 1_893_456_000_000).Serialize());
        Assert.Equal(
            """{"c":"USD","i":[{"id":"x","p":"q","q":3,"pr":0.5}]}""",
            LoggedCart.From(new Pricing.Cart { Currency = "USD", Items = [new("x", "q", 3, 0.5m, [], null)] }, null).Serialize());
        Assert.Equal(
            """{"c":"USD","i":[{"id":"x\u0022\u003C\u00E9\u20AC\u0001\uD834\uDD1E\u002B\u0026","p":"q","q":3,"pr":0.5}]}""",
            LoggedCart.From(new Pricing.Cart { Currency = "USD", Items = [new("x\"<é€\u0001𝄞+&", "q", 3, 0.5m, [], null)] }, null).Serialize());
    }

    [Fact]
    public void Members_in_any_order_explicit_nulls_and_unknown_members_are_read()
    {
        var logged = LoggedCart.Parse("""{"x":{"y":[1,2]},"t":null,"i":[{"n":null,"pr":1.25,"q":4,"p":"p9","id":"l1","z":true}],"st":"s2","c":"SEK","u":null}""");
        Assert.Null(logged.At);
        Assert.Equal("SEK|||s2||||||l1:p9:4:1.25::", Describe(logged.Cart));
    }

    [Fact]
    public void A_malformed_entry_is_refused()
    {
        Assert.Throws<FormatException>(() => LoggedCart.Parse("""{"i":[]}"""));
        Assert.Throws<FormatException>(() => LoggedCart.Parse("""{"c":"EUR","i":[{"id":"a","q":1,"pr":1}]}"""));
        Assert.Throws<FormatException>(() => LoggedCart.Parse("""{"c":"EUR","i":[],"k":["A",1]}"""));
    }

    [Fact]
    public void Every_field_of_random_carts_reads_back_as_written()
    {
        var random = new Random(16);
        for (var n = 0; n < 500; n++)
        {
            var cart = RandomCart(random);
            long? at = random.Next(2) == 0 ? null : random.NextInt64(0, 4_000_000_000_000);
            var text = LoggedCart.From(cart, at).Serialize();
            var read = LoggedCart.Parse(text);
            Assert.Equal(at, read.At);
            Assert.Equal(Describe(cart), Describe(read.ToCart()));
            Assert.Equal(Describe(cart), Describe(LoggedCart.Parse(Encoding.UTF8.GetBytes(text)).Cart));
        }
    }

    private static Pricing.Cart RandomCart(Random random) => new()
    {
        Currency = random.Next(3) == 0 ? "JPY" : "EUR",
        CustomerId = Maybe(random, "cust"),
        ChannelType = Maybe(random, "web"),
        StoreId = Maybe(random, "store"),
        ShopId = Maybe(random, "shop"),
        Locale = Maybe(random, "fr"),
        CouponCodes = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Text(random, "code"))],
        ShippingCost = random.Next(2) == 0 ? null : random.Next(0, 100_000) / 100m,
        CustomerAttributes = Enumerable.Range(0, random.Next(3)).ToDictionary(i => Text(random, $"k{i}"), _ => Text(random, "v"), StringComparer.Ordinal),
        Items = [.. Enumerable.Range(0, random.Next(1, 51)).Select(i => new Pricing.CartItem(
            $"line-{i}", Text(random, "P"), random.Next(1, 100), random.Next(0, 1_000_000) / (random.Next(2) == 0 ? 100m : 1000m),
            [.. Enumerable.Range(0, random.Next(3)).Select(_ => (IReadOnlyList<string>)[.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Text(random, "C"))])],
            Maybe(random, "name")))],
    };

    private static string? Maybe(Random random, string prefix) => random.Next(2) == 0 ? null : Text(random, prefix);

    // Text with the characters JSON must escape and some that are not ASCII.
    private static string Text(Random random, string prefix) =>
        prefix + random.Next(1000).ToString(CultureInfo.InvariantCulture) + (random.Next(4) == 0 ? "\"\\/<é €\u0001\t𝄞" : "");

    private static string Describe(Pricing.Cart cart) => string.Join('|',
        cart.Currency, cart.CustomerId, cart.ChannelType, cart.StoreId, cart.ShopId, cart.Locale, string.Join(',', cart.CouponCodes),
        cart.ShippingCost?.ToString(CultureInfo.InvariantCulture),
        string.Join(',', (cart.CustomerAttributes ?? new Dictionary<string, string>()).Select(a => $"{a.Key}={a.Value}")),
        string.Join(';', cart.Items.Select(i => string.Join(':',
            i.Id, i.ProductId, i.Quantity, i.Price.ToString(CultureInfo.InvariantCulture), string.Join('/', i.Categories.Select(p => string.Join('>', p))), i.Name))));
}
