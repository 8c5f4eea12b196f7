using Dapper;
using Storewise.Api.Codes;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Imports;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Storage;

/// <summary>
/// A long code list's boundaries are read by hops of a stride (docs/decisions/0525-boundaries-by-hops.md) and learnt
/// once writes to it go quiet, before any deep page asks (docs/decisions/0526-warm-boundaries-after-writes.md).
/// </summary>
public abstract class BoundaryWarmingTests(ApiFixture fixture)
{
    private const int Stride = ListPositions.Stride;

    [Theory]
    [InlineData(0)]
    [InlineData(Stride - 1)]
    [InlineData(Stride)]
    [InlineData(2 * Stride)]
    [InlineData((2 * Stride) + 345)]
    public async Task The_hops_read_the_key_of_every_strideth_row(int codes)
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        if (codes > 0)
        {
            var import = await client.ImportAsync(coupon, string.Join('\n', Enumerable.Range(0, codes).Select(i => $"HOP{i}")));
            await client.WaitUntilEndedAsync(coupon, import);
        }

        await using var connection = await fixture.Database.OpenAsync();
        var args = new { tenant, couponId = coupon };
        var numbered = await connection.QueryAsync<string>(
            "SELECT k FROM (SELECT id AS k, ROW_NUMBER() OVER (ORDER BY id) AS n FROM coupon_codes WHERE tenant = @tenant AND coupon_id = @couponId) ranked WHERE n % 1000 = 0 ORDER BY n",
            args);
        var hops = await connection.QueryAsync<string>(ListPositions.BoundariesSql("id", "coupon_codes", "tenant = @tenant AND coupon_id = @couponId"), args);

        Assert.Equal(codes / Stride, hops.Count());
        Assert.Equal(numbered, hops);
    }

    [Fact]
    public async Task An_imported_list_is_warmed_when_the_import_ends_and_its_deep_pages_are_the_offset_pages()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var import = await client.ImportAsync(coupon, string.Join('\n', Enumerable.Range(0, (2 * Stride) + 10).Select(i => $"WARM{i}")));
        await client.WaitUntilEndedAsync(coupon, import);

        await WaitUntilWarmedAsync(tenant, coupon, (2 * Stride) + 10, moveClock: false);
        await AssertDeepPageAsync(client, tenant, coupon, page: 41);
    }

    [Fact]
    public async Task Codes_added_through_the_api_warm_the_list_at_its_newest_generation()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        for (var batch = 0; batch < 3; batch++)
        {
            await client.CreateCodesAsync(coupon, [.. Enumerable.Range(0, 500).Select(i => $"API{batch}X{i}")]);
        }

        await WaitUntilWarmedAsync(tenant, coupon, 3 * 500, moveClock: true);
        await AssertDeepPageAsync(client, tenant, coupon, page: 25);
    }

    // Waits until this instance keeps the list's boundaries at the generation given (no deep page has asked for them),
    // moving the fixture's clock past the quiet period in steps if asked.
    private async Task WaitUntilWarmedAsync(string tenant, string coupon, long generation, bool moveClock)
    {
        var lists = fixture.Database.Lists;
        var key = CodeStore.ListKey(tenant, coupon);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!lists.Knows<string>(key, generation) && DateTime.UtcNow < deadline)
        {
            if (moveClock)
            {
                fixture.Clock.Advance(ListWarming.Quiet / 5);
            }

            await Task.Delay(20);
        }

        Assert.True(lists.Knows<string>(key, generation), "the list was not warmed");
    }

    private async Task AssertDeepPageAsync(HttpClient client, string tenant, string coupon, int page)
    {
        await using var connection = await fixture.Database.OpenAsync();
        var expected = await connection.QueryAsync<string>(
            "SELECT id FROM coupon_codes WHERE tenant = @tenant AND coupon_id = @coupon ORDER BY id LIMIT 50 OFFSET @offset",
            new { tenant, coupon, offset = (page - 1) * 50 });
        var answer = await (await client.GetAsync($"/v0/promotions/coupon/{coupon}/code?count=50&page={page}")).ExpectAsync(200);

        Assert.Equal(expected, answer["items"]!.AsArray().Select(i => (string)i!["codes"]!["id"]!));
    }
}

public sealed class BoundaryWarmingSqliteTests(SqliteApiFixture fixture) : BoundaryWarmingTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class BoundaryWarmingPostgresTests(PostgresApiFixture fixture) : BoundaryWarmingTests(fixture), IClassFixture<PostgresApiFixture>;
