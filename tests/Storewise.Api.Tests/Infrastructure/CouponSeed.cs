using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>
/// Creates coupons for the code, import and redemption tests by writing rows into <c>offers</c> (type 'coupon')
/// the way the coupon routes store them. One entry point, so it can become a POST /v0/promotions/coupon later.
/// </summary>
public static class CouponSeed
{
    public static async Task<string> CreateCouponAsync(ApiFixture fixture, string tenant, CouponSpec? spec = null)
    {
        spec ??= new CouponSpec();
        var id = fixture.Services.GetRequiredService<ObjectIds>().NewId();
        var now = fixture.Clock.GetUtcNow();
        var validFrom = spec.ValidFrom ?? now.AddDays(-1);
        var name = "coupon-" + id;
        var document = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["name"] = name,
            ["description"] = name,
            ["active"] = spec.Active,
            ["localizedTimezone"] = false,
            ["validFrom"] = Timestamps.Rfc3339(validFrom),
            ["validTo"] = spec.ValidTo is { } to ? Timestamps.Rfc3339(to) : null,
            ["category"] = new { kind = "CartLevelPercentage", discount = 10 },
            ["currencies"] = spec.Currencies.Select(c => new { code = c.Code, minimumCartValue = c.MinimumCartValue }).ToList(),
            ["singleUse"] = spec.SingleUse,
            ["stores"] = Array.Empty<string>(),
            ["consumers"] = spec.Consumers,
            ["exclusive"] = false,
            ["segment"] = null,
            ["tenant"] = tenant,
            ["version"] = Guid.NewGuid().ToString(),
        };
        await using var connection = await fixture.Database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO offers (tenant, id, type, name, name_key, kind, active, valid_from, valid_to, document, version,
                                created_at, created_by, updated_at, updated_by)
            VALUES (@tenant, @id, 'coupon', @name, @nameKey, 'CartLevelPercentage', @active, @validFrom, @validTo, @document, @version,
                    @now, 'seed', @now, 'seed')
            """,
            new
            {
                tenant,
                id,
                name,
                nameKey = name.ToUpperInvariant(),
                active = spec.Active,
                validFrom = validFrom.ToUnixTimeMilliseconds(),
                validTo = spec.ValidTo?.ToUnixTimeMilliseconds(),
                document = JsonSerializer.Serialize(document),
                version = (string)document["version"]!,
                now = now.ToUnixTimeMilliseconds(),
            });
        return id;
    }
}
