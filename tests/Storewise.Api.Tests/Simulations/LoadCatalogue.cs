using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Storewise.Api.Tests.Simulations;

/// <summary>
/// The promotions and carts of the HTTP load (<c>bench/load/catalogue.mjs</c>, the seed of <c>load.mjs</c>), produced
/// by that script itself through Node.js so the replay measures the same catalogue as <c>bench/load/replay.sh</c>:
/// 1,000 promotions of every kind (mostly product-targeted, a few cart-wide ones in a few stores each) and 2,000
/// distinct carts of 1–50 lines. No coupons are seeded, so the half of the carts that send a code send an unknown one.
/// </summary>
public sealed record LoadCatalogue(IReadOnlyList<string> Promotions, IReadOnlyList<Pricing.Cart> Carts)
{
    private const int DistinctCarts = 2000;
    private const int Seed = 20250601;

    public static LoadCatalogue Generate(int promotions)
    {
        var script = Path.Combine(Docs.RepositoryRoot.Find(), "bench", "load", "catalogue.mjs");
        var program = $$"""
            import { world, promotions, carts } from {{JsonValue.Create(new Uri(script).AbsoluteUri).ToJsonString()}};
            const w = world({{promotions}});
            console.log(JSON.stringify({ promotions: promotions(w, {{promotions}}, {{Seed}}), carts: carts(w, {{DistinctCarts}}, {{Seed}}, { valid: [], inactive: [] }).map((c) => JSON.parse(c)) }));
            """;
        var start = new ProcessStartInfo("node", ["--input-type=module", "-e", program]) { RedirectStandardOutput = true };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node (Node.js) is needed for bench/load's catalogue");
        var text = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        Assert.Equal(0, node.ExitCode);
        var generated = JsonNode.Parse(text)!;
        return new LoadCatalogue(
            [.. generated["promotions"]!.AsArray().Select(p => p!.ToJsonString())],
            [.. generated["carts"]!.AsArray().Select(c => ToCart(c!))]);
    }

    private static Pricing.Cart ToCart(JsonNode cart) => new()
    {
        Currency = (string)cart["currency"]!,
        CustomerId = (string?)cart["customerId"],
        ChannelType = (string?)cart["channelType"],
        StoreId = (string?)cart["storeId"],
        ShippingCost = (decimal?)cart["shippingCost"],
        CouponCodes = [.. cart["couponCodes"]?.AsArray().Select(c => (string)c!) ?? []],
        CustomerAttributes = cart["customerAttributes"]!.AsObject().ToDictionary(a => a.Key, a => (string)a.Value!, StringComparer.Ordinal),
        Items = [.. cart["items"]!.AsArray().Select(i => new Pricing.CartItem(
            (string)i!["id"]!, (string)i["productId"]!, (int)i["quantity"]!, (decimal)i["price"]!,
            [.. i["categories"]!.AsArray().Select(c => (IReadOnlyList<string>)[.. c!["path"]!.AsArray().Select(p => (string)p!)])],
            (string?)i["name"]))],
    };
}
