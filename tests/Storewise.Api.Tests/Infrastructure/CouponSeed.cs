using Storewise.Api.Common;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>What a seeded coupon looks like; the defaults make a running, multi-use EUR coupon for anyone.</summary>
public sealed record CouponSpec
{
    public bool Active { get; init; } = true;

    public bool SingleUse { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    public IReadOnlyList<(string Code, decimal MinimumCartValue)> Currencies { get; init; } = [("EUR", 0m)];

    public IReadOnlyList<string> Consumers { get; init; } = [];
}

/// <summary>Creates coupons for the code, import and redemption tests through <c>POST /v0/promotions/coupon</c>.</summary>
public static class CouponSeed
{
    public static async Task<string> CreateCouponAsync(ApiFixture fixture, string tenant, CouponSpec? spec = null)
    {
        spec ??= new CouponSpec();
        var now = fixture.Clock.GetUtcNow();
        var body = new Dictionary<string, object?>
        {
            ["name"] = "coupon-" + Guid.NewGuid().ToString("N"),
            ["active"] = spec.Active,
            ["validFrom"] = Timestamps.Rfc3339(spec.ValidFrom ?? now.AddDays(-1)),
            ["validTo"] = spec.ValidTo is { } to ? Timestamps.Rfc3339(to) : null,
            ["category"] = new { kind = "CartLevelPercentage", discount = 10 },
            ["currencies"] = spec.Currencies.Select(c => new { code = c.Code, minimumCartValue = c.MinimumCartValue }).ToList(),
            ["singleUse"] = spec.SingleUse,
            ["consumers"] = spec.Consumers,
        };
        using var client = fixture.Client(tenant);
        var created = await (await client.PostAsync("/v0/promotions/coupon", HttpJson.Body(body))).ExpectAsync(201);
        return (string)created["coupon"]!["id"]!;
    }
}
