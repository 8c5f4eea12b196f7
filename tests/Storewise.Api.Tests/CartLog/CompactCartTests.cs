using System.Text;
using Storewise.Api.CartLog;

namespace Storewise.Api.Tests.CartLog;

/// <summary>The compact stored form (<see cref="CompactCart"/>): every field reads back as written, with and without pools, next to JSON rows.</summary>
public sealed class CompactCartTests
{
    [Fact]
    public void Every_field_of_random_carts_reads_back_as_written_with_and_without_pools()
    {
        var random = new Random(11);
        var texts = new TextPool(64);
        var scratch = new System.Buffers.ArrayBufferWriter<byte>();
        for (var n = 0; n < 500; n++)
        {
            var cart = RandomCart(random);
            long? at = random.Next(2) == 0 ? null : random.NextInt64(-4_000_000_000_000, 4_000_000_000_000);
            var stored = LoggedCart.From(cart, at).Store(scratch);
            Assert.True(CompactCart.Is(Encoding.UTF8.GetBytes(stored)));
            Assert.DoesNotContain('\0', stored);
            foreach (var read in new[] { LoggedCart.Parse(stored), LoggedCart.Parse(Encoding.UTF8.GetBytes(stored), texts) })
            {
                Assert.Equal(at, read.At);
                Assert.Equal(Describe(cart), Describe(read.Cart));
            }
        }
    }

    [Fact]
    public void Scales_signs_and_the_largest_decimals_and_quantities_keep_their_exact_value()
    {
        var scratch = new System.Buffers.ArrayBufferWriter<byte>();
        decimal[] prices = [0m, 0.00m, 19.990m, -3.5m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, 79228162514264337593543950.335m];
        var cart = new Pricing.Cart
        {
            Currency = "EUR",
            ShippingCost = -0.10m,
            Items = [.. prices.Select((p, i) => new Pricing.CartItem($"l{i}", "p", i % 2 == 0 ? int.MaxValue : int.MinValue, p, [], null))],
        };
        var read = LoggedCart.Parse(LoggedCart.From(cart, long.MinValue).Store(scratch)).Cart;
        Assert.Equal(long.MinValue, LoggedCart.Parse(LoggedCart.From(cart, long.MinValue).Store(scratch)).At);
        Assert.Equal(Describe(cart), Describe(read));
        Assert.Equal(prices.Select(p => p.Scale), read.Items.Select(i => i.Price.Scale));
        Assert.Equal(-0.10m, read.ShippingCost);
    }

    [Fact]
    public void A_cart_with_a_nul_or_a_lone_surrogate_is_stored_as_json()
    {
        var scratch = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var text in new[] { "a\0b", "a\uD800b" })
        {
            var cart = new Pricing.Cart { Currency = "EUR", Items = [new("l1", text, 1, 1m, [], null)] };
            var stored = LoggedCart.From(cart, null).Store(scratch);
            Assert.StartsWith("{", stored, StringComparison.Ordinal);
            Assert.Equal(LoggedCart.From(cart, null).Serialize(), stored);
        }
    }

    [Fact]
    public void A_page_reads_json_rows_and_compact_rows_and_their_codes_alike()
    {
        var scratch = new System.Buffers.ArrayBufferWriter<byte>();
        var random = new Random(3);
        var carts = Enumerable.Range(0, 40).Select(_ => RandomCart(random)).ToList();
        var page = new LoggedCartPage();
        for (var i = 0; i < carts.Count; i++)
        {
            var logged = LoggedCart.From(carts[i], i);
            var stored = i % 2 == 0 ? logged.Serialize() : logged.Store(scratch);
            page.Add(new LogPosition(i, i), new MemoryStream(Encoding.UTF8.GetBytes(stored)));
        }

        var texts = new TextPool(64);
        Assert.Equal(carts.Count, page.Count);
        Assert.Equal(carts.SelectMany(c => c.CouponCodes), page.CouponCodes());
        for (var i = 0; i < carts.Count; i++)
        {
            Assert.Equal(new LogPosition(i, i), page[i]);
            Assert.Equal(i, page.Read(i, texts).At);
            Assert.Equal(Describe(carts[i]), Describe(page.Read(i, texts).Cart));
        }
    }

    [Fact]
    public void A_malformed_compact_entry_is_refused()
    {
        var scratch = new System.Buffers.ArrayBufferWriter<byte>();
        var stored = Encoding.UTF8.GetBytes(LoggedCart.From(RandomCart(new Random(5)), 7).Store(scratch));
        for (var length = 1; length < stored.Length; length += 7)
        {
            Assert.Throws<FormatException>(() => LoggedCart.Parse(stored.AsSpan(0, length)));
        }

        Assert.Throws<FormatException>(() => LoggedCart.Parse([.. stored, (byte)' ']));
    }

    // Few distinct texts, so pooled ones are met again.
    private static Pricing.Cart RandomCart(Random random) => RandomCarts.Cart(random, 20);

    private static string Describe(Pricing.Cart cart) => RandomCarts.Describe(cart);
}
