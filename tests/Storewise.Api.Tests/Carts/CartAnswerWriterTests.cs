using System.Buffers;
using System.Text;
using System.Text.Json;
using Storewise.Api.Carts;
using Storewise.Api.Hosting;

namespace Storewise.Api.Tests.Carts;

/// <summary>
/// The hand-written cart answer writer writes, for any answer, exactly the bytes the service's general JSON
/// options write (docs/decisions/0511-cart-answer-writer.md): random answers with every optional member present
/// or absent, nulls where the model allows them, texts that need escaping, and the same strings on many lines.
/// </summary>
public sealed class CartAnswerWriterTests
{
    private static readonly JsonSerializerOptions ServiceOptions = CreateOptions();

    // Plain, escaped (quotes, HTML characters, control characters), non-ASCII and astral texts.
    private static readonly string[] Texts =
    [
        "a", "Ten off", "Shirt \"classic\"", "é <b> & 'x'", "line\nbreak\ttab", "Winter sale – 10%", "日本語", "emoji 😀", "+1", "back\\slash", "",
    ];

    // Money at every scale, coefficients around 2^32 and beyond, and a negative zero.
    private static readonly decimal[] Amounts =
    [
        0m, 0.00m, 0.01m, 1m, 1.5m, 19.99m, 100.00m, 4.950m, 123456789.12m, 0.3333m, 10m, 0.0000001m, 4294967295m, 4294967296m,
        42949672.96m, 123456789012345.67m, decimal.MaxValue, 1.0000000000000000000000000001m, decimal.Negate(0.00m),
    ];

    [Fact]
    public void Random_answers_are_written_byte_for_byte_as_the_service_json_options_write_them()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 500; i++)
        {
            var answer = RandomAnswer(random);
            Assert.Equal(JsonSerializer.Serialize(answer, ServiceOptions), Write(answer));
        }
    }

    // A member added to the answer but not to the writer would go unnoticed if the random answers never set it.
    [Fact]
    public void The_random_answers_set_every_member_of_the_answer_somewhere()
    {
        var random = new Random(20261202);
        var answers = Enumerable.Range(0, 500).Select(_ => RandomAnswer(random)).ToArray();
        foreach (var property in typeof(DiscountedCartResponse).GetProperties())
        {
            Assert.True(answers.Any(a => property.GetValue(a) is not null), $"no random answer sets {property.Name}");
        }
    }

    [Fact]
    public void The_smallest_answer_is_written_as_the_service_json_options_write_it()
    {
        var answer = new DiscountedCartResponse
        {
            Currency = "EUR", Items = [], CatalogTotal = 0m, DiscountTotal = 0m, ShippingDiscounts = [], ShippingTotal = 0m, Total = 0m, RejectedCoupons = [],
        };

        Assert.Equal("""{"currency":"EUR","items":[],"catalogTotal":0,"discountTotal":0,"shippingDiscounts":[],"shippingTotal":0,"total":0,"rejectedCoupons":[]}""", Write(answer));
        Assert.Equal(JsonSerializer.Serialize(answer, ServiceOptions), Write(answer));
    }

    private static string Write(DiscountedCartResponse answer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CartJsonResult.WriterOptions))
        {
            CartAnswerWriter.Write(writer, answer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceRegistration.ConfigureJson(options);
        return options;
    }

    private static DiscountedCartResponse RandomAnswer(Random random)
    {
        // A few promotions shared by every line, as the engine hands them out.
        var promotions = Enumerable.Range(0, random.Next(1, 6)).Select(_ => (Id: Text(random), Name: Text(random))).ToArray();
        DiscountEntry Entry() => RandomEntry(random, promotions[random.Next(promotions.Length)]);
        var items = Enumerable.Range(0, random.Next(0, 12)).Select(_ => new DiscountedItem
        {
            Id = Text(random),
            ProductId = Text(random),
            Quantity = random.Next(1, 1000),
            Price = Amount(random),
            Categories = Maybe(random, () => (IReadOnlyList<CategoryPathRequest?>)Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => random.Next(5) == 0 ? null : new CategoryPathRequest { Path = Maybe(random, () => Strings(random)) })
                .ToArray()),
            Name = Maybe(random, () => Text(random)),
            Discounts = Enumerable.Range(0, random.Next(0, 6)).Select(_ => Entry()).ToArray(),
            TotalDiscount = Amount(random),
            Total = Amount(random),
        }).ToArray();
        return new DiscountedCartResponse
        {
            CustomerId = Maybe(random, () => Text(random)),
            ChannelType = Maybe(random, () => Text(random)),
            Currency = Text(random),
            CouponCodes = Maybe(random, () => Strings(random)),
            StoreId = Maybe(random, () => Text(random)),
            ShopId = Maybe(random, () => Text(random)),
            Locale = Maybe(random, () => Text(random)),
            Items = items,
            ShippingCost = random.Next(2) == 0 ? null : Amount(random),
            CustomerAttributes = Maybe(random, () => (IReadOnlyDictionary<string, string?>)Enumerable.Range(0, random.Next(0, 4))
                .Select(i => (Key: Text(random) + i, Value: Maybe(random, () => Text(random))))
                .ToDictionary(p => p.Key, p => p.Value)),
            EvaluatedAt = Maybe(random, () => "2025-06-01T12:00:00Z"),
            CatalogTotal = Amount(random),
            DiscountTotal = Amount(random),
            ShippingDiscounts = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Entry()).ToArray(),
            ShippingTotal = Amount(random),
            Total = Amount(random),
            RejectedCoupons = Enumerable.Range(0, random.Next(0, 3)).Select(_ => new RejectedCouponEntry(Text(random), Text(random), Text(random))).ToArray(),
            NotApplied = Maybe(random, () => (IReadOnlyList<NotAppliedEntry>)Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => new NotAppliedEntry(Pick(random, "promotion", "coupon"), Text(random), Text(random), Text(random), random.Next(3) == 0 ? RandomHint(random) : null))
                .ToArray()),
            Usage = Maybe(random, () => (IReadOnlyList<UsageEntry>)Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => new UsageEntry
                {
                    Source = Pick(random, "promotion", "coupon"),
                    Id = Text(random),
                    RemainingRedemptions = random.Next(2) == 0 ? random.Next(0, 1000) : null,
                    RemainingCustomerRedemptions = random.Next(2) == 0 ? random.Next(0, 10) : null,
                    RemainingBudgetRedemptions = random.Next(2) == 0 ? random.Next(0, 1000) : null,
                    RemainingBudget = random.Next(2) == 0 ? Amount(random) : null,
                })
                .ToArray()),
            Preview = random.Next(3) == 0 ? random.Next(2) == 0 : null,
            AddedItems = Maybe(random, () => (IReadOnlyList<AddedCartItem>)Enumerable.Range(0, random.Next(1, 3))
                .Select(_ => new AddedCartItem(Text(random), random.Next(1, 5), Amount(random), Pick(random, "promotion", "coupon"), Text(random), Maybe(random, () => Text(random)), Text(random)))
                .ToArray()),
            StoreTime = random.Next(3) == 0 ? new StoreTimeEntry(Maybe(random, () => Text(random)), Text(random), random.Next(2) == 0) : null,
            NextTiers = Maybe(random, () => (IReadOnlyList<NextTierEntry>)Enumerable.Range(0, random.Next(1, 3))
                .Select(_ => new NextTierEntry(Pick(random, "promotion", "coupon"), Text(random), Maybe(random, () => Text(random)), Text(random), RandomHint(random)))
                .ToArray()),
        };
    }

    private static HintEntry RandomHint(Random random) => new()
    {
        Kind = (HintKindName)random.Next(3),
        Missing = random.Next(2) == 0 ? Amount(random) : null,
        Currency = Maybe(random, () => Text(random)),
        Products = Maybe(random, () => (IReadOnlyList<string>)[Text(random), Text(random)]),
        Categories = Maybe(random, () => (IReadOnlyList<CategoryPathRequest>)[new CategoryPathRequest { Path = Maybe(random, () => Strings(random)) }]),
        Items = Maybe(random, () => (IReadOnlyList<HintItemEntry>)[new HintItemEntry(Text(random), random.Next(1, 5))]),
        OpensAt = Maybe(random, () => "2026-03-29T01:00:00Z"),
    };

    private static DiscountEntry RandomEntry(Random random, (string Id, string Name) promotion) => new(
        Pick(random, "promotion", "coupon"),
        promotion.Id,
        Maybe(random, () => Text(random)),
        promotion.Name,
        Pick(random, "CartLevelPercentage", "ProductLevelFixed", "BogoPercentage", "FreeShippingFixed"),
        Pick(random, "cart", "product", "shipping"),
        Amount(random),
        Amount(random),
        random.Next(2) == 0);

    private static T? Maybe<T>(Random random, Func<T> value)
        where T : class => random.Next(3) == 0 ? null : value();

    private static string?[] Strings(Random random) =>
        Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(6) == 0 ? null : Text(random)).ToArray();

    private static string Text(Random random) => Texts[random.Next(Texts.Length)] + (random.Next(3) == 0 ? random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

    private static decimal Amount(Random random) => Amounts[random.Next(Amounts.Length)] * (random.Next(4) == 0 ? -1 : 1);
}
