using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Imports;

/// <summary>CSV code imports (docs/spec.md §1.3, §D9, §8 #27): upload, background processing, counters, error report.</summary>
public abstract partial class ImportTests(ApiFixture fixture)
{
    [Fact]
    public async Task Upload_answers_202_at_once_with_a_created_import_in_the_vendor_layout()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);

        var body = await (await client.UploadAsync(coupon, "A1\nA2\n")).ExpectAsync(202);

        var import = body["codesImport"]!;
        Assert.Equal("CREATED", (string?)import["status"]);
        Assert.Equal(0, (int?)import["processed"]);
        Assert.Equal(0, (int?)import["created"]);
        Assert.Equal(0, (int?)import["errors"]);
        Assert.Matches(GoLayout(), (string?)import["updatedAt"]);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4000-8000-[0-9a-f]{12}$", (string?)import["id"]);
    }

    [Fact]
    public async Task A_file_with_bom_crlf_header_blank_lines_and_bad_rows_creates_the_good_codes_and_reports_the_rest()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        var other = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        await client.CreateCodesAsync(other, "TAKEN");
        var csv = "code\r\n  GOOD1  \r\n\r\nGOOD2\r\nbad code\r\n   \r\ngood1\r\ntaken\r\nA,B\r\nGOOD3";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var accepted = await (await client.UploadAsync(coupon, bytes)).ExpectAsync(202);
        var id = (string)accepted["codesImport"]!["id"]!;
        var import = await client.WaitUntilEndedAsync(coupon, id);

        Assert.Equal("COMPLETED", (string?)import["status"]);
        Assert.Equal(7, (int?)import["processed"]);
        Assert.Equal(3, (int?)import["created"]);
        Assert.Equal(4, (int?)import["errors"]);
        var codes = (await client.ListCodesAsync(coupon)).Select(i => (string)i!["codes"]!["name"]!).Order().ToList();
        Assert.Equal(["GOOD1", "GOOD2", "GOOD3"], codes);

        var report = await (await client.GetAsync($"{ImportApi.Url(coupon)}/{id}/errors?count=10&page=1")).ExpectAsync(200);
        var rows = report["items"]!.AsArray().Select(r => ((long)r!["line"]!, (string)r["code"]!, (string)r["reason"]!)).ToList();
        Assert.Equal(
            [(5L, "bad code", "invalid_code"), (7L, "good1", "duplicate_in_file"), (8L, "taken", "code_exists"), (9L, "A,B", "not_one_code")],
            rows);
        Assert.Equal(4, (int?)report["pagination"]!["total"]);
        Assert.All(report["items"]!.AsArray(), r => Assert.False(string.IsNullOrEmpty((string?)r!["message"])));
    }

    [Fact]
    public async Task The_error_report_pages_in_file_order()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var id = await client.ImportAsync(coupon, "OK1\nbad 1\nbad 2\nbad 3\n");
        await client.WaitUntilEndedAsync(coupon, id);

        var page2 = await (await client.GetAsync($"{ImportApi.Url(coupon)}/{id}/errors?count=2&page=2")).ExpectAsync(200);

        Assert.Equal("bad 3", (string?)page2["items"]![0]!["code"]);
        Assert.Equal(4, (long?)page2["items"]![0]!["line"]);
        Assert.Equal($"/coupon/{coupon}/code/import/{id}/errors?count=2&page=1", (string?)page2["links"]!["previous"]);
        await (await client.GetAsync($"{ImportApi.Url(coupon)}/{id}/errors")).ExpectAsync(400);
        await (await client.GetAsync($"{ImportApi.Url(coupon)}/nope/errors?count=2&page=1")).ExpectAsync(404);
    }

    [Fact]
    public async Task A_large_import_is_settled_in_batches_and_every_code_is_created_once()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var csv = string.Join('\n', Enumerable.Range(0, 25_000).Select(i => $"BULK{i}"));

        var id = await client.ImportAsync(coupon, csv);
        var import = await client.WaitUntilEndedAsync(coupon, id, TimeSpan.FromSeconds(60));

        Assert.Equal("COMPLETED", (string?)import["status"]);
        Assert.Equal(25_000, (int?)import["created"]);
        var list = await (await client.GetAsync($"/v0/promotions/coupon/{coupon}/code?count=1&page=1")).ExpectAsync(200);
        Assert.Equal(25_000, (int?)list["pagination"]!["total"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("code\n")]
    [InlineData("\n \r\n\n")]
    [InlineData("\uFEFF")]
    public async Task A_file_without_codes_is_400(string csv)
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);

        var body = await (await client.UploadAsync(coupon, csv)).ExpectAsync(400);

        Assert.Equal("import: the file contains no codes", (string?)body["message"]);
        await AssertNoImportsAsync(client, coupon);
    }

    [Fact]
    public async Task A_file_with_more_codes_than_the_limit_is_400_and_leaves_nothing_behind()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var csv = string.Join('\n', Enumerable.Range(0, 100_001).Select(i => $"X{i}"));

        var body = await (await client.UploadAsync(coupon, csv)).ExpectAsync(400);

        Assert.Contains("more than 100000 codes", (string?)body["message"]);
        await AssertNoImportsAsync(client, coupon);
    }

    [Fact]
    public async Task A_file_larger_than_10_MiB_is_400()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        // Few codes, many bytes: blank padding lines push the file over the byte limit only.
        var csv = "BIG1\n" + new string('\n', 10 * 1024 * 1024) + "BIG2\n";

        var body = await (await client.UploadAsync(coupon, csv)).ExpectAsync(400);

        Assert.Contains("larger than 10485760 bytes", (string?)body["message"]);
        await AssertNoImportsAsync(client, coupon);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_or_lacks_the_import_part_is_400()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);

        var json = await (await client.PostAsync(ImportApi.Url(coupon), HttpJson.Body("{\"codes\":[\"A\"]}"))).ExpectAsync(400);
        var wrongPart = await (await client.UploadAsync(coupon, "A1\n", part: "file")).ExpectAsync(400);
        using var broken = new ByteArrayContent(Encoding.UTF8.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"import\"\r\n\r\nA1"));
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        await (await client.PostAsync(ImportApi.Url(coupon), broken)).ExpectAsync(400);

        Assert.Contains("multipart/form-data", (string?)json["message"]);
        Assert.Contains("'import'", (string?)wrongPart["message"]);
        await AssertNoImportsAsync(client, coupon);
    }

    [Fact]
    public async Task Imports_of_an_unknown_or_foreign_coupon_are_404()
    {
        var owner = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, owner);
        using var ownerClient = fixture.Client(owner);
        var id = await ownerClient.ImportAsync(coupon, "MINE1\n");
        using var stranger = fixture.Client(ApiFixture.NewTenant());

        await (await stranger.UploadAsync(coupon, "A1\n")).ExpectAsync(404);
        await (await stranger.GetAsync(ImportApi.Url(coupon) + "?count=10&page=1")).ExpectAsync(404);
        await (await stranger.GetAsync($"{ImportApi.Url(coupon)}/{id}")).ExpectAsync(404);
        await (await ownerClient.GetAsync($"{ImportApi.Url(coupon)}/no-such-import")).ExpectAsync(404);
        await (await ownerClient.UploadAsync("no-such-coupon", "A1\n")).ExpectAsync(404);
    }

    [Fact]
    public async Task Imports_are_listed_and_fetched_with_their_links()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var first = await client.ImportAsync(coupon, "L1\nL2\n");
        var second = await client.ImportAsync(coupon, "L3\nl1\n");
        await client.WaitUntilEndedAsync(coupon, first);
        await client.WaitUntilEndedAsync(coupon, second);

        var list = await (await client.GetAsync(ImportApi.Url(coupon) + "?count=1&page=1")).ExpectAsync(200);
        var single = await (await client.GetAsync($"{ImportApi.Url(coupon)}/{second}")).ExpectAsync(200);

        Assert.Equal(2, (int?)list["pagination"]!["total"]);
        Assert.Equal(first, (string?)list["items"]![0]!["codesImport"]!["id"]);
        Assert.Equal($"/coupon/{coupon}/code/import/{first}", (string?)list["items"]![0]!["links"]!["self"]);
        Assert.Equal($"/coupon/{coupon}/code/import?count=1&page=2", (string?)list["links"]!["next"]);
        Assert.Equal($"/coupon/{coupon}/code/import/{second}", (string?)single["links"]!["self"]);
        var import = single["codesImport"]!;
        Assert.Equal(("COMPLETED", 2, 1, 1), ((string?)import["status"], (int)import["processed"]!, (int)import["created"]!, (int)import["errors"]!));
        Assert.Matches(GoLayout(), (string?)import["updatedAt"]);
    }

    private static async Task AssertNoImportsAsync(HttpClient client, string coupon)
    {
        var list = await (await client.GetAsync(ImportApi.Url(coupon) + "?count=10&page=1")).ExpectAsync(200);
        Assert.Equal(0, (int?)list["pagination"]!["total"]);
        Assert.Empty(await client.ListCodesAsync(coupon));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})? \+0000 UTC$")]
    private static partial Regex GoLayout();
}

public sealed class ImportSqliteTests(SqliteApiFixture f) : ImportTests(f), IClassFixture<SqliteApiFixture>;

public sealed class ImportPostgresTests(PostgresApiFixture f) : ImportTests(f), IClassFixture<PostgresApiFixture>;
