using Dapper;
using Storewise.Api.Tests.Infrastructure;
using static Storewise.Api.Tests.Offers.OfferBodies;

namespace Storewise.Api.Tests.Coupons;

/// <summary>
/// The coupon list filters, counts and pages in SQL over 100,000 coupons of one tenant. Its speed is measured by the
/// load harness (bench/load), not asserted here.
/// </summary>
public abstract class CouponListScaleTests(ApiFixture fixture)
{
    private const int Coupons = 100_000;

    [Fact]
    public async Task Listing_100000_coupons_counts_and_filters_in_the_database()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var seed = (string)(await client.CreateAsync(CouponsPath, Body("Seed")))["coupon"]!["id"]!;
        await using (var connection = await fixture.Database.OpenAsync())
        {
            // Copies of the seed with ids and names of their own; every tenth one disabled, every fifth a CartLevelFixed.
            await connection.ExecuteAsync(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
                INSERT INTO offers (tenant, id, type, name, name_key, kind, active, valid_from, valid_to, segment_key, segment_value,
                    external_id, document, version, created_at, created_by, updated_at, updated_by)
                SELECT o.tenant, 'ffffffff-0000-4000-8000-' || (100000000000 + n.i), o.type, 'Bulk ' || n.i, 'BULK ' || n.i,
                    CASE WHEN n.i % 5 = 0 THEN 'CartLevelFixed' ELSE o.kind END,
                    CASE WHEN n.i % 10 = 0 THEN @inactive ELSE o.active END,
                    o.valid_from, o.valid_to, o.segment_key, o.segment_value, NULL,
                    replace(replace(o.document, o.id, 'ffffffff-0000-4000-8000-' || (100000000000 + n.i)), '"Seed"', '"Bulk ' || n.i || '"'),
                    o.version, o.created_at, o.created_by, o.updated_at, o.updated_by
                FROM offers o, n WHERE o.tenant = @tenant AND o.id = @seed
                """,
                new { tenant, seed, count = Coupons, inactive = false },
                commandTimeout: 300);
        }

        async Task<(long Total, int Items)> ListAsync(string query)
        {
            var body = await (await client.GetAsync($"{CouponsPath}?{query}")).ExpectAsync(200);
            return ((long)body["pagination"]!["total"]!, body["items"]!.AsArray().Count);
        }

        var pages = new[]
        {
            ("first page", await ListAsync("count=150&page=1"), Coupons + 1L),
            ("deep page", await ListAsync("count=150&page=600"), Coupons + 1L),
            ("active", await ListAsync("count=150&page=10&active=false"), Coupons / 10L),
            ("kind", await ListAsync("count=150&page=2&kind[]=CartLevelFixed"), Coupons / 5L),
            ("name", await ListAsync("count=150&page=1&name=bulk 99999,BULK 5"), 2L),
            ("validTo", await ListAsync("count=150&page=1&validTo=2000-01-01T00:00:00Z"), 0L),
            ("segment", await ListAsync("count=150&page=1&segment=nobody"), 0L),
            ("code", await ListAsync("count=150&page=1&code=NOPE"), 0L),
        };
        foreach (var (what, (total, items), expected) in pages)
        {
            Assert.True(total == expected, $"{what}: total {total}, expected {expected}");
            Assert.True(items == Math.Min(150, expected), $"{what}: {items} items on the page");
        }
    }
}

public sealed class CouponListScaleSqliteTests(SqliteApiFixture fixture) : CouponListScaleTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CouponListScalePostgresTests(PostgresApiFixture fixture) : CouponListScaleTests(fixture), IClassFixture<PostgresApiFixture>;
