using System.Text.Json.Nodes;
using Dapper;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Imports;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Storage;

/// <summary>
/// Deep pages seek from kept boundaries (docs/decisions/0512-keyset-paging.md): every page of lists longer than a
/// stride is the page the plain <c>COUNT(*)</c> / <c>LIMIT … OFFSET</c> query gives, also after the list changed
/// between two reads of it.
/// </summary>
public abstract class KeysetPagingTests(ApiFixture fixture)
{
    private const int Stride = ListPositions.Stride;

    [Fact]
    public async Task Every_page_of_a_long_code_list_is_the_offset_page_also_after_codes_are_added()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var import = await client.ImportAsync(coupon, string.Join('\n', Enumerable.Range(0, 2 * Stride + 345).Select(i => $"DEEP{i}")));
        await client.WaitUntilEndedAsync(coupon, import);

        await AssertCodePagesAsync(client, tenant, coupon, 150);
        await AssertCodePagesAsync(client, tenant, coupon, 7, pages: [142, 143, 144, 286, 287, 334, 335, 336]);

        // New ids fall anywhere in the order: boundaries kept for the old size must not be used.
        await client.CreateCodesAsync(coupon, [.. Enumerable.Range(0, 40).Select(i => $"LATE{i}")]);
        await AssertCodePagesAsync(client, tenant, coupon, 150);
        await AssertCodePagesAsync(client, tenant, coupon, 7, pages: [143, 144, 145, 288, 341]);
    }

    [Fact]
    public async Task Every_page_of_a_long_error_report_is_the_offset_page()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var rows = Enumerable.Range(0, 2 * Stride + 300).Select(i => i % 5 == 0 ? $"OK{i}" : $"bad {i}");
        var import = await client.ImportAsync(coupon, string.Join('\n', rows));
        await client.WaitUntilEndedAsync(coupon, import);
        var url = $"{ImportApi.Url(coupon)}/{import}/errors";

        await using var connection = await fixture.Database.OpenAsync();
        var total = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM code_import_errors WHERE tenant = @tenant AND import_id = @import", new { tenant, import });
        Assert.True(total > Stride);
        foreach (var count in new[] { 150, 13 })
        {
            for (var page = 1; (long)(page - 1) * count <= total; page += count == 150 ? 1 : 9)
            {
                var expected = await connection.QueryAsync<long>(
                    "SELECT CAST(line AS BIGINT) FROM code_import_errors WHERE tenant = @tenant AND import_id = @import ORDER BY seq LIMIT @count OFFSET @offset",
                    new { tenant, import, count, offset = (long)(page - 1) * count });
                var answer = await (await client.GetAsync($"{url}?count={count}&page={page}")).ExpectAsync(200);
                Assert.Equal(expected, answer["items"]!.AsArray().Select(i => (long)i!["line"]!));
                Assert.Equal(total, (long)answer["pagination"]!["total"]!);
            }
        }
    }

    [Fact]
    public async Task Every_page_of_a_long_coupon_list_is_the_offset_page_also_after_an_edit_and_under_a_filter()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var ids = new List<string>();
        for (var i = 0; i < Stride + 120; i++)
        {
            ids.Add(await CouponSeed.CreateCouponAsync(fixture, tenant, new CouponSpec { Active = i % 10 != 0 }));
        }

        await AssertOfferPagesAsync(client, tenant, "", 150);
        await AssertOfferPagesAsync(client, tenant, "&active=true", 150);

        // An edit (here: deactivating one coupon) bumps the catalogue version; the filtered list loses a row.
        var stored = (await (await client.GetAsync($"{OfferBodies.CouponsPath}/{ids[1]}")).ExpectAsync(200))["coupon"]!;
        await (await client.PutJsonAsync($"{OfferBodies.CouponsPath}/{ids[1]}", OfferBodies.ReplaceBody(stored, b => b["active"] = false))).ExpectAsync(200);
        await CouponSeed.CreateCouponAsync(fixture, tenant);
        await AssertOfferPagesAsync(client, tenant, "", 150);
        await AssertOfferPagesAsync(client, tenant, "&active=false", 150);
        await AssertOfferPagesAsync(client, tenant, "", 11, pages: [90, 91, 92, 102]);
    }

    [Fact]
    public async Task A_page_past_the_end_of_a_long_list_is_empty_with_the_total()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var import = await client.ImportAsync(coupon, string.Join('\n', Enumerable.Range(0, Stride + 5).Select(i => $"END{i}")));
        await client.WaitUntilEndedAsync(coupon, import);

        var last = await (await client.GetAsync($"/v0/promotions/coupon/{coupon}/code?count=10&page=101")).ExpectAsync(200);
        var past = await (await client.GetAsync($"/v0/promotions/coupon/{coupon}/code?count=10&page=102")).ExpectAsync(200);

        Assert.Equal(5, last["items"]!.AsArray().Count);
        Assert.Null((string?)last["links"]!["next"]);
        Assert.Empty(past["items"]!.AsArray());
        Assert.Equal(Stride + 5, (long)past["pagination"]!["total"]!);
    }

    private async Task AssertCodePagesAsync(HttpClient client, string tenant, string coupon, int count, int[]? pages = null)
    {
        await using var connection = await fixture.Database.OpenAsync();
        var total = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM coupon_codes WHERE tenant = @tenant AND coupon_id = @coupon", new { tenant, coupon });
        foreach (var page in pages ?? AllPages(total, count))
        {
            var expected = await connection.QueryAsync<string>(
                "SELECT id FROM coupon_codes WHERE tenant = @tenant AND coupon_id = @coupon ORDER BY id LIMIT @count OFFSET @offset",
                new { tenant, coupon, count, offset = (long)(page - 1) * count });
            var answer = await (await client.GetAsync($"/v0/promotions/coupon/{coupon}/code?count={count}&page={page}")).ExpectAsync(200);
            Assert.Equal(expected, Ids(answer, "codes"));
            Assert.Equal(total, (long)answer["pagination"]!["total"]!);
        }
    }

    private async Task AssertOfferPagesAsync(HttpClient client, string tenant, string filter, int count, int[]? pages = null)
    {
        var active = filter.Length == 0 ? "" : $" AND active = {(filter.EndsWith("true", StringComparison.Ordinal) ? "TRUE" : "FALSE")}";
        await using var connection = await fixture.Database.OpenAsync();
        var where = $"tenant = @tenant AND type = 'coupon'{active}";
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM offers WHERE {where}", new { tenant });
        foreach (var page in pages ?? AllPages(total, count))
        {
            var expected = await connection.QueryAsync<string>(
                $"SELECT id FROM offers WHERE {where} ORDER BY id LIMIT @count OFFSET @offset",
                new { tenant, count, offset = (long)(page - 1) * count });
            var answer = await (await client.GetAsync($"/v0/promotions/coupon?count={count}&page={page}{filter}")).ExpectAsync(200);
            Assert.Equal(expected, Ids(answer, "coupon"));
            Assert.Equal(total, (long)answer["pagination"]!["total"]!);
        }
    }

    // Every page of the list and the first one past its end.
    private static int[] AllPages(long total, int count) => [.. Enumerable.Range(1, (int)(total / count) + 1)];

    private static IEnumerable<string> Ids(JsonNode answer, string member) =>
        answer["items"]!.AsArray().Select(i => (string)i![member]!["id"]!);
}

public sealed class KeysetPagingSqliteTests(SqliteApiFixture fixture) : KeysetPagingTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class KeysetPagingPostgresTests(PostgresApiFixture fixture) : KeysetPagingTests(fixture), IClassFixture<PostgresApiFixture>;
