using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Storewise.Api.Auth;
using Storewise.Api.Tests.Auth;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Hostile;

/// <summary>
/// Issue 9 security, on every route of the OpenAPI document: bad tokens are 401, a missing scope is 403, and
/// another tenant's ids are 404 without anything of the owner leaking into answers, lists or messages.
/// </summary>
public abstract class RouteSecurityTests(ApiFixture fixture)
{
    private static readonly (string Kind, Func<string, string> Token)[] BadTokens =
    [
        ("expired", tenant => TokenFactory.Create(tenant, expires: DateTime.UtcNow.AddMinutes(-5))),
        ("wrong signature", tenant => TokenFactory.Create(tenant, key: "another-key-that-is-long-enough-0123456789")),
        ("wrong issuer", tenant => TokenFactory.Create(tenant, issuer: "someone-else")),
        ("wrong audience", tenant => TokenFactory.Create(tenant, audience: "someone-else")),
        ("alg none", tenant => TokenFactory.Unsigned(tenant)),
        ("HS512", tenant => TokenFactory.Create(tenant, key: ApiFixture.SigningKey + ApiFixture.SigningKey, algorithm: SecurityAlgorithms.HmacSha512)),
        ("no tenant claim", _ => TokenFactory.Create(tenant: null)),
        ("garbage", _ => "not.a.token"),
    ];

    [Fact]
    public async Task Every_route_refuses_missing_and_invalid_tokens_with_a_json_401()
    {
        var routes = await ApiRoutes.ReadAsync(fixture);
        var owner = await SeededTenant.CreateAsync(fixture);
        var failures = new List<string>();
        foreach (var operation in routes)
        {
            var sample = await owner.SampleAsync(operation);
            var url = Url(operation, sample.PathValue);
            foreach (var (kind, token) in BadTokens.Prepend(("no token", _ => "")))
            {
                var answer = await SendAsync(operation, url, sample.Body, token(owner.Tenant));
                if (answer.Status != 401 || !answer.IsJson || string.IsNullOrEmpty(answer.Message))
                {
                    failures.Add($"{operation.Name} with {kind}: {answer.Status} {answer.Excerpt}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_route_names_its_scope_and_refuses_a_token_without_it_with_a_json_403()
    {
        var routes = await ApiRoutes.ReadAsync(fixture);
        var owner = await SeededTenant.CreateAsync(fixture);
        var failures = new List<string>();
        foreach (var operation in routes)
        {
            if (operation.Scopes.Count == 0)
            {
                failures.Add($"{operation.Name} documents no scope");
                continue;
            }

            var sample = await owner.SampleAsync(operation);
            var others = string.Join(' ', Scopes.All.Except(operation.Scopes));
            var answer = await SendAsync(operation, Url(operation, sample.PathValue), sample.Body, fixture.Token(owner.Tenant, others));
            if (answer.Status != 403 || !answer.IsJson || string.IsNullOrEmpty(answer.Message))
            {
                failures.Add($"{operation.Name} with scopes '{others}': {answer.Status} {answer.Excerpt}");
            }

            var allowed = await SendAsync(operation, Url(operation, sample.PathValue), sample.Body, fixture.Token(owner.Tenant, string.Join(' ', operation.Scopes)));
            if (allowed.Status is 401 or 403)
            {
                failures.Add($"{operation.Name} with only its scope '{string.Join(' ', operation.Scopes)}': {allowed.Status} {allowed.Excerpt}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_route_answers_another_tenants_ids_with_404_and_leaks_nothing_of_the_owner()
    {
        var routes = await ApiRoutes.ReadAsync(fixture);
        var owner = await SeededTenant.CreateAsync(fixture);
        var intruder = await SeededTenant.CreateAsync(fixture);
        var ownerBefore = await DataFingerprint.TakeAsync(fixture, owner.Tenant);
        var token = fixture.Token(intruder.Tenant);
        var failures = new List<string>();
        foreach (var operation in routes)
        {
            // The intruder's own valid request, aimed at the owner's resources.
            var sample = await intruder.SampleAsync(operation);
            var body = sample.Body?.DeepClone();
            (body as JsonObject)?.Remove("id");
            var ownerPath = owner.PathValues(operation, sample.PathValues.GetValueOrDefault("key", "big_sales_order"));
            var url = Url(operation, name => ownerPath[name]);
            var answer = await SendAsync(operation, url, body, token);
            var ownsIds = operation.PathParameters.Any(p => p is "id" or "codeId" or "importId" or "orderId");
            if (ownsIds && answer.Status != 404)
            {
                failures.Add($"{operation.Name} with the owner's ids: {answer.Status} {answer.Excerpt}");
            }

            failures.AddRange(Leaks(operation.Name, owner, url, answer));
        }

        // Lists, counts and the intruder's own resources show nothing of the owner.
        foreach (var operation in routes.Where(o => o.Method == "GET"))
        {
            var sample = await intruder.SampleAsync(operation);
            var url = Url(operation, sample.PathValue);
            var answer = await SendAsync(operation, url, null, token);
            if (answer.Status != 200)
            {
                failures.Add($"{operation.Name} on the intruder's own data: {answer.Status} {answer.Excerpt}");
            }

            failures.AddRange(Leaks(operation.Name, owner, url, answer));
        }

        Assert.Equal(ownerBefore, await DataFingerprint.TakeAsync(fixture, owner.Tenant));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Another_tenants_codes_are_unknown_to_redemption_cart_and_code_creation()
    {
        var owner = await SeededTenant.CreateAsync(fixture);
        var intruder = await SeededTenant.CreateAsync(fixture);
        using var client = fixture.Client(intruder.Tenant);
        var ownerBefore = await DataFingerprint.TakeAsync(fixture, owner.Tenant);

        var redeem = await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/redemption", $$"""
            {"codes":["{{owner.Code}}"],"orderId":"intruder-1","currency":"EUR","catalogTotal":100}
            """)).ExpectAsync(404);
        Assert.Equal("coupon_code_not_found", (string?)redeem["code"]);

        var cart = await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart", $$"""
            {"currency":"EUR","couponCodes":["{{owner.Code}}"],"items":[{"id":"a","productId":"p1","quantity":1,"price":10}]}
            """)).ExpectAsync(200);
        Assert.Equal("not_found", (string?)cart["rejectedCoupons"]![0]!["reason"]);

        // Codes are unique per tenant: the same text is free in another tenant, and a 409 would reveal the owner's code.
        await (await client.PostAsync($"/v0/promotions/coupon/{intruder.CouponId}/code", HttpJson.Body(new { codes = new[] { owner.Code } }))).ExpectAsync(201);
        Assert.Equal(ownerBefore, await DataFingerprint.TakeAsync(fixture, owner.Tenant));
    }

    [Fact]
    public async Task Secrets_are_never_returned_by_any_route()
    {
        var routes = await ApiRoutes.ReadAsync(fixture);
        var owner = await SeededTenant.CreateAsync(fixture);
        var failures = new List<string>();
        foreach (var operation in routes.Where(o => o.Method == "GET"))
        {
            foreach (var key in new[] { "external_order_webhook", "big_sales_order" })
            {
                var sample = await owner.SampleAsync(operation);
                var url = Url(operation, name => name == "key" ? key : sample.PathValue(name));
                var answer = await SendAsync(operation, url, null, fixture.Token(owner.Tenant));
                failures.AddRange(SecretsIn($"{operation.Name} {url}", answer.Text));
            }
        }

        // The answers to the writes that carry the secrets do not echo them either.
        using var client = fixture.Client(owner.Tenant);
        var writes = new[]
        {
            ("PATCH", "/v0/promotions/configurations/tppe", $$"""{"auth_token":"{{SeededTenant.TppeToken}}"}"""),
            ("PATCH", "/v0/promotions/configurations/tppe", $$"""{"auth_token":"{{SeededTenant.TppeToken}}","session_update_url":"not a url"}"""),
            ("POST", "/v0/config/sales_order/external_order_webhook", $$$"""{"value":{"url":"https://example.com/","api_key":"{{{SeededTenant.WebhookKey}}}","timeout":20}}"""),
            ("POST", "/v0/config/sales_order/external_order_webhook", $$$"""{"value":{"url":"not a url","api_key":"{{{SeededTenant.WebhookKey}}}","timeout":-1}}"""),
        };
        foreach (var (method, url, json) in writes)
        {
            using var response = await client.SendJsonAsync(new HttpMethod(method), url, json);
            failures.AddRange(SecretsIn($"{method} {url}", await response.Content.ReadAsStringAsync()));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What of the owner shows in an answer to the intruder (the owner's ids the intruder sent in the URL excepted).</summary>
    private static IEnumerable<string> Leaks(string operation, SeededTenant owner, string url, HostileAnswer answer)
    {
        // An id the intruder sent may be echoed ("order 'x' has no redemptions"); anything else of the owner may not.
        var text = owner.Ids.Where(id => url.Contains(id, StringComparison.Ordinal)).Aggregate(answer.Text, (t, id) => t.Replace(id, "", StringComparison.Ordinal));
        if (text.Contains(owner.Marker, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{operation}: the owner's data in {answer.Status} {answer.Excerpt}";
        }

        foreach (var id in owner.Ids.Where(id => !url.Contains(id, StringComparison.Ordinal) && answer.Text.Contains(id, StringComparison.Ordinal)))
        {
            yield return $"{operation}: the owner's id {id} in {answer.Status} {answer.Excerpt}";
        }

        if (answer.Status >= 500)
        {
            yield return $"{operation}: {answer.Status} {answer.Excerpt}";
        }
    }

    private static IEnumerable<string> SecretsIn(string where, string text)
    {
        foreach (var secret in new[] { SeededTenant.TppeToken, SeededTenant.WebhookKey, ApiFixture.SigningKey })
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                yield return $"{where} returns a secret: {text}";
            }
        }
    }

    private static string Url(ApiOperation operation, Func<string, string> pathValue) =>
        operation.Url(pathValue, operation.Method == "GET" ? "?count=10&page=1" : "");

    private async Task<HostileAnswer> SendAsync(ApiOperation operation, string url, JsonNode? body, string token)
    {
        using var client = fixture.AnonymousClient();
        if (token.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (operation.IsMultipart)
        {
            var (multipart, type) = HostileRequestSender.Multipart(Encoding.UTF8.GetBytes("SECURITY-CODE-1\n"));
            return await HostileRequestSender.SendAsync(client, operation.Method, url, multipart, type);
        }

        return await HostileRequestSender.SendAsync(client, operation.Method, url, body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");
    }
}

public sealed class RouteSecuritySqliteTests(SqliteApiFixture fixture) : RouteSecurityTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class RouteSecurityPostgresTests(PostgresApiFixture fixture) : RouteSecurityTests(fixture), IClassFixture<PostgresApiFixture>;
