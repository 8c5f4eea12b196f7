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

    private static Pricing.Cart RandomCart(Random random) => RandomCarts.Cart(random, 1000);

    private static string Describe(Pricing.Cart cart) => RandomCarts.Describe(cart);
}
