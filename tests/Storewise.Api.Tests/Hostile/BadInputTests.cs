using System.Text;
using Dapper;
using Storewise.Api.Codes;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Imports;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Hostile;

/// <summary>
/// Hostile inputs that once produced a 500, an HTML page or no limit, kept as named cases, and every hostile CSV
/// file: an import either is refused with 400 or completes with per-row errors, and never stores an invalid code.
/// </summary>
public abstract class BadInputTests(ApiFixture fixture)
{
    public static readonly TheoryData<string> ListUrls =
    [
        "/v0/promotions/promotion",
        "/v0/promotions/coupon",
    ];

    [Theory]
    [MemberData(nameof(ListUrls))]
    public async Task A_page_far_beyond_the_end_is_an_empty_page(string url)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var page = await (await client.GetAsync(new Uri($"{url}?count=150&page=2147483647", UriKind.Relative))).ExpectAsync(200);
        Assert.Empty(page["items"]!.AsArray());
    }

    [Fact]
    public async Task Code_import_and_error_lists_far_beyond_the_end_are_empty_pages()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        var import = await client.ImportAsync(coupon, "GOOD-1\nbad code\n");
        await client.WaitUntilEndedAsync(coupon, import);
        foreach (var url in new[] { $"/v0/promotions/coupon/{coupon}/code", ImportApi.Url(coupon), $"{ImportApi.Url(coupon)}/{import}/errors" })
        {
            var page = await (await client.GetAsync(new Uri($"{url}?count=150&page=2147483647", UriKind.Relative))).ExpectAsync(200);
            Assert.Empty(page["items"]!.AsArray());
        }
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_400_naming_the_problem()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        var answer = await HostileRequestSender.SendAsync(client, "POST", OfferBodies.PromotionsPath, body, "application/json", chunked: true);
        Assert.Equal(400, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Contains("too large", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_400_naming_the_limit()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var answer = await HostileRequestSender.SendAsync(client, "POST", "/v0/promotions/cart", new byte[HostileInputs.TenMegabytes], "application/json");
        Assert.Equal(400, answer.Status);
        Assert.Contains("request body too large: the limit is 1048576 bytes", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_of_another_content_type_is_415_json_naming_the_expected_type()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var answer = await HostileRequestSender.SendAsync(client, "POST", "/v0/promotions/cart", Encoding.UTF8.GetBytes("{}"), "text/plain");
        Assert.Equal(415, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Contains("application/json", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cart_over_the_line_limit_is_400_naming_items()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var items = string.Join(',', Enumerable.Range(0, 1_001).Select(i => $$"""{"id":"l{{i}}","productId":"p","quantity":1,"price":1}"""));
        var answer = await HostileRequestSender.SendAsync(client, "POST", "/v0/promotions/cart", Encoding.UTF8.GetBytes($$"""{"currency":"EUR","items":[{{items}}]}"""), "application/json");
        Assert.Equal(400, answer.Status);
        Assert.StartsWith("items", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_character_in_free_text_is_stored_where_the_database_can_hold_it_and_400_where_it_cannot()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = OfferBodies.Body("before\u0000after");
        using var response = await client.PostAsync(new Uri(OfferBodies.PromotionsPath, UriKind.Relative), HttpJson.Body(body.ToJsonString()));
        if (fixture.Provider == DatabaseProvider.Postgres)
        {
            var error = await response.ExpectAsync(400);
            Assert.Contains("NUL", (string?)error["message"], StringComparison.Ordinal);
            var list = await (await client.GetAsync(new Uri(OfferBodies.PromotionsPath + "?count=10&page=1", UriKind.Relative))).ExpectAsync(200);
            Assert.Empty(list["items"]!.AsArray());
        }
        else
        {
            await response.ExpectAsync(201);
        }
    }

    public static TheoryData<string> CsvKinds() => [.. CsvFiles.Named.Select(f => f.Kind)];

    [Theory]
    [MemberData(nameof(CsvKinds))]
    public async Task A_hostile_csv_file_is_refused_or_imported_with_row_errors_and_stores_only_valid_codes(string kind)
    {
        var csv = CsvFiles.Named.Single(f => f.Kind == kind).Csv;
        await ImportAndCheckAsync(csv, kind);
    }

    [Fact]
    public async Task A_csv_file_over_10_MiB_is_400_and_creates_nothing()
    {
        var line = Encoding.UTF8.GetBytes(new string('A', 99) + "\n");
        var csv = Enumerable.Repeat(line, (10 * 1024 * 1024 / line.Length) + 2).SelectMany(l => l).ToArray();
        var status = await ImportAndCheckAsync(csv, "over 10 MiB");
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task A_csv_file_of_more_than_100000_codes_is_400_and_creates_nothing()
    {
        var csv = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 100_001).Select(i => $"MANY-{i}\n")));
        var status = await ImportAndCheckAsync(csv, "100,001 codes");
        Assert.Equal(400, status);
    }

    /// <summary>Uploads the file; a 202 must end COMPLETED; either way every stored code is valid. Returns the status.</summary>
    private async Task<int> ImportAndCheckAsync(byte[] csv, string kind)
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var response = await client.UploadAsync(coupon, csv);
        var status = (int)response.StatusCode;
        var body = await response.ReadJsonAsync();
        Assert.True(status is 202 or 400, $"{kind}: {status} {body.ToJsonString()}");
        if (status == 202)
        {
            var import = await client.WaitUntilEndedAsync(coupon, (string)body["codesImport"]!["id"]!);
            Assert.Equal("COMPLETED", (string?)import["status"]);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]), kind);
        }

        await using var connection = await fixture.Database.OpenAsync();
        var codes = (await connection.QueryAsync<string>("SELECT code FROM coupon_codes WHERE tenant = @tenant", new { tenant })).ToList();
        Assert.All(codes, code => Assert.Null(CodeText.Problem(code)));
        if (status == 400)
        {
            Assert.Empty(codes);
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM code_import_rows WHERE tenant = @tenant", new { tenant }));
        }

        return status;
    }
}

public sealed class BadInputSqliteTests(SqliteApiFixture fixture) : BadInputTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class BadInputPostgresTests(PostgresApiFixture fixture) : BadInputTests(fixture), IClassFixture<PostgresApiFixture>;
