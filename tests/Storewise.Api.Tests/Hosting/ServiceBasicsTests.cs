using System.Net;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Hosting;

/// <summary>What every deployment relies on before any feature: health, request ids, JSON errors, docs.</summary>
public abstract class ServiceBasicsTests(ApiFixture fixture)
{
    [Fact]
    public async Task Live_answers_without_a_token()
    {
        using var client = fixture.AnonymousClient();
        var body = await (await client.GetAsync("/health/live")).ExpectAsync(200);
        Assert.Equal("live", (string?)body["status"]);
    }

    [Fact]
    public async Task Ready_checks_the_configured_database()
    {
        using var client = fixture.AnonymousClient();
        var body = await (await client.GetAsync("/health/ready")).ExpectAsync(200);
        Assert.Equal(fixture.Provider.ToString().ToLowerInvariant(), (string?)body["database"]);
    }

    [Fact]
    public async Task Request_id_is_echoed_when_sent()
    {
        using var client = fixture.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("x-request-id", "abc-123");
        using var response = await client.SendAsync(request);
        Assert.Equal("abc-123", response.Headers.GetValues("x-request-id").Single());
    }

    [Fact]
    public async Task Request_id_is_generated_when_absent()
    {
        using var client = fixture.AnonymousClient();
        using var first = await client.GetAsync("/health/live");
        using var second = await client.GetAsync("/health/live");
        var a = first.Headers.GetValues("x-request-id").Single();
        var b = second.Headers.GetValues("x-request-id").Single();
        Assert.Equal(29, a.Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Unknown_route_is_a_json_404_for_an_authenticated_caller()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        using var response = await client.GetAsync("/v0/promotions/nothing-here");
        var body = await response.ExpectAsync(404);
        Assert.Equal("application/json", response.ContentType()?.MediaType);
        Assert.Equal(404, (int?)body["status"]);
    }

    [Fact]
    public async Task Request_without_a_token_is_a_json_401()
    {
        using var client = fixture.AnonymousClient();
        using var response = await client.GetAsync("/v0/promotions/anything");
        var body = await response.ExpectAsync(401);
        Assert.Equal(401, (int?)body["status"]);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]));
    }

    [Fact]
    public async Task Openapi_document_is_served_by_the_framework()
    {
        using var client = fixture.AnonymousClient();
        var body = await (await client.GetAsync("/openapi/v1.json")).ExpectAsync(200);
        Assert.StartsWith("3.", (string?)body["openapi"]);
    }

    [Fact]
    public async Task Interactive_docs_page_is_served()
    {
        using var client = fixture.AnonymousClient();
        using var response = await client.GetAsync("/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class ServiceBasicsSqliteTests(SqliteApiFixture fixture) : ServiceBasicsTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class ServiceBasicsPostgresTests(PostgresApiFixture fixture) : ServiceBasicsTests(fixture), IClassFixture<PostgresApiFixture>;
