using System.Net.Http.Headers;
using Microsoft.IdentityModel.Tokens;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Auth;

/// <summary>Who gets in (docs/spec.md §D2): a valid token of the right tenant with the scope the route needs.</summary>
public abstract class AuthenticationTests(ApiFixture fixture)
{
    private const string PromotionList = "/v0/promotions/promotion?count=1&page=1";
    private const string SalesOrderKey = "/v0/config/sales_order/big_sales_order";

    private async Task<HttpResponseMessage> GetWithToken(string url, string? token, IDictionary<string, string>? headers = null)
    {
        using var client = fixture.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(key, value);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_valid_token_is_let_in() =>
        await (await GetWithToken(PromotionList, TokenFactory.Create())).ExpectAsync(200);

    [Fact]
    public async Task No_token_is_401_with_a_json_body()
    {
        var body = await (await GetWithToken(PromotionList, null)).ExpectAsync(401);
        Assert.Equal(401, (int?)body["status"]);
    }

    [Fact]
    public async Task Expired_token_is_401() =>
        await (await GetWithToken(PromotionList, TokenFactory.Create(expires: DateTime.UtcNow.AddMinutes(-5)))).ExpectAsync(401);

    [Fact]
    public async Task Token_signed_with_another_key_is_401() =>
        await (await GetWithToken(PromotionList, TokenFactory.Create(key: "another-key-that-is-long-enough-0123456789"))).ExpectAsync(401);

    [Fact]
    public async Task Token_of_another_issuer_is_401() =>
        await (await GetWithToken(PromotionList, TokenFactory.Create(issuer: "someone-else"))).ExpectAsync(401);

    [Fact]
    public async Task Token_for_another_audience_is_401() =>
        await (await GetWithToken(PromotionList, TokenFactory.Create(audience: "someone-else"))).ExpectAsync(401);

    [Fact]
    public async Task Unsigned_alg_none_token_is_401() =>
        await (await GetWithToken(PromotionList, TokenFactory.Unsigned())).ExpectAsync(401);

    [Fact]
    public async Task Token_with_another_algorithm_is_401() =>
        await (await GetWithToken(PromotionList, TokenFactory.Create(
            key: ApiFixture.SigningKey + ApiFixture.SigningKey, algorithm: SecurityAlgorithms.HmacSha512))).ExpectAsync(401);

    [Fact]
    public async Task Token_without_a_tenant_is_401() =>
        await (await GetWithToken(PromotionList, TokenFactory.Create(tenant: null))).ExpectAsync(401);

    [Fact]
    public async Task Missing_scope_is_403()
    {
        var body = await (await GetWithToken(PromotionList, TokenFactory.Create(scope: "config:read"))).ExpectAsync(403);
        Assert.Equal(403, (int?)body["status"]);
    }

    [Fact]
    public async Task Read_scope_does_not_allow_writes()
    {
        using var client = fixture.Client(ApiFixture.NewTenant(), scope: "promotions:read");
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", "{}");
        await response.ExpectAsync(403);
    }

    [Fact]
    public async Task Tenant_header_differing_from_the_token_is_403() =>
        await (await GetWithToken(PromotionList, TokenFactory.Create(tenant: "t1"), new Dictionary<string, string> { ["tenant"] = "t2" })).ExpectAsync(403);

    [Fact]
    public async Task Tenant_header_equal_to_the_token_is_accepted() =>
        await (await GetWithToken(PromotionList, TokenFactory.Create(tenant: "t1"), new Dictionary<string, string> { ["tenant"] = "t1", ["user-id"] = "test-userid" })).ExpectAsync(200);

    [Fact]
    public async Task Sales_order_routes_answer_auth_failures_as_problem_json()
    {
        using var response = await GetWithToken(SalesOrderKey, null);
        var body = await response.ExpectAsync(401);
        Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
        Assert.Equal("unauthorized", (string?)body["error_code"]);
        Assert.False(string.IsNullOrEmpty((string?)body["request_id"]));
    }

    [Fact]
    public async Task Config_scope_is_needed_for_sales_order_configuration() =>
        await (await GetWithToken(SalesOrderKey, TokenFactory.Create(scope: "promotions:read promotions:write"))).ExpectAsync(403);
}

public sealed class AuthenticationSqliteTests(SqliteApiFixture fixture) : AuthenticationTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class AuthenticationPostgresTests(PostgresApiFixture fixture) : AuthenticationTests(fixture), IClassFixture<PostgresApiFixture>;
