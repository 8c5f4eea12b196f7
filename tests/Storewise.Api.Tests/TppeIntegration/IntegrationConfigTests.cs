using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Auth;
using Storewise.Api.TppeIntegration;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.TppeIntegration;

/// <summary>Integration Configurations (TPPE), docs/spec.md §1.1 and §8 #22/#23, under both path prefixes.</summary>
public abstract class IntegrationConfigTests(ApiFixture fixture)
{
    private const string SampleUrl = "http://abc.cloudhub.io/promotion/cart-session/{customerSessionId}";
    private const string SampleRequest = """{"session_update_url":"http://abc.cloudhub.io/promotion/cart-session/{customerSessionId}","auth_token":"test-auth-token"}""";

    public static TheoryData<string> Prefixes => new() { "/promotions/configurations", "/v0/promotions/configurations" };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Get_before_anything_is_stored_is_404_not_found(string prefix)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        using var response = await client.GetAsync($"{prefix}/tppe");
        var body = await response.ExpectAsync(404);
        Assert.Equal("application/json", response.ContentType()?.MediaType);
        AssertJson("""{"message":"not found","status":404}""", body);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Vendor_request_sample_is_stored_and_answered_without_the_token(string prefix)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var patched = await (await client.SendJsonAsync(HttpMethod.Patch, $"{prefix}/tppe", SampleRequest)).ExpectAsync(200);
        AssertJson($$"""{"session_update_url":"{{SampleUrl}}"}""", patched);

        using var get = await client.GetAsync($"{prefix}/tppe");
        var text = await get.Content.ReadAsStringAsync();
        AssertJson($$"""{"session_update_url":"{{SampleUrl}}"}""", await get.ExpectAsync(200));
        Assert.DoesNotContain("test-auth-token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("auth_token", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_prefixes_serve_the_same_stored_section()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", SampleRequest)).ExpectAsync(200);
        var body = await (await client.GetAsync("/v0/promotions/configurations/tppe")).ExpectAsync(200);
        Assert.Equal(SampleUrl, (string?)body["session_update_url"]);
    }

    [Theory]
    [InlineData("/promotions/configurations/talon")]
    [InlineData("/v0/promotions/configurations/TPPE")]
    public async Task Unknown_section_id_is_400_invalid_section_id(string path)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        AssertJson("""{"message":"invalid section id","status":400}""", await (await client.GetAsync(path)).ExpectAsync(400));
        AssertJson(
            """{"message":"invalid section id","status":400}""",
            await (await client.SendJsonAsync(HttpMethod.Patch, path, SampleRequest)).ExpectAsync(400));
    }

    [Fact]
    public async Task Patch_with_only_a_token_keeps_the_stored_url_and_replaces_the_token()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", SampleRequest)).ExpectAsync(200);

        var body = await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", """{"auth_token":"rotated-token"}""")).ExpectAsync(200);

        Assert.Equal(SampleUrl, (string?)body["session_update_url"]);
        Assert.Equal("rotated-token", await StoredTokenAsync(tenant));
    }

    [Fact]
    public async Task Patch_with_only_a_url_keeps_the_stored_token()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", SampleRequest)).ExpectAsync(200);
        const string other = "https://engine.example.com/sessions/{customerSessionId}";

        var body = await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", $$"""{"session_update_url":"{{other}}"}""")).ExpectAsync(200);

        Assert.Equal(other, (string?)body["session_update_url"]);
        Assert.Equal("test-auth-token", await StoredTokenAsync(tenant));
    }

    [Fact]
    public async Task Token_only_first_patch_stores_a_section_without_url()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var body = await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", """{"auth_token":"test-auth-token"}""")).ExpectAsync(200);
        AssertJson("""{"session_update_url":null}""", body);
        AssertJson("""{"session_update_url":null}""", await (await client.GetAsync("/promotions/configurations/tppe")).ExpectAsync(200));
    }

    [Fact]
    public async Task Empty_token_is_accepted()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", $$"""{"session_update_url":"{{SampleUrl}}","auth_token":""}""")).ExpectAsync(200);
        Assert.Equal("", await StoredTokenAsync(tenant));
    }

    [Theory]
    [InlineData("""{"session_update_url":"http://abc.cloudhub.io/promotion/cart-session/"}""", "session_update_url")]
    [InlineData("""{"session_update_url":"http://abc.cloudhub.io/{customerSessionId}/x"}""", "session_update_url")]
    [InlineData("""{"session_update_url":"/promotion/cart-session/{customerSessionId}"}""", "session_update_url")]
    [InlineData("""{"session_update_url":"ftp://abc.cloudhub.io/{customerSessionId}"}""", "session_update_url")]
    [InlineData("""{"session_update_url":"{customerSessionId}"}""", "session_update_url")]
    [InlineData("""{"session_update_url":42}""", "session_update_url")]
    [InlineData("""{"session_update_url":null}""", "session_update_url")]
    [InlineData("""{"auth_token":12345}""", "auth_token")]
    [InlineData("""{"auth_token":null}""", "auth_token")]
    [InlineData("""{}""", "body")]
    [InlineData("""{"sessionUpdateUrl":"http://abc.cloudhub.io/{customerSessionId}"}""", "body")]
    [InlineData("""["tppe"]""", "body")]
    public async Task Invalid_patch_is_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", SampleRequest)).ExpectAsync(200);

        using var response = await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", json);
        var body = await response.ExpectAsync(400);

        Assert.Equal("application/json", response.ContentType()?.MediaType);
        Assert.Equal(400, (int?)body["status"]);
        Assert.StartsWith(field + ":", (string?)body["message"], StringComparison.Ordinal);
        var stored = await (await client.GetAsync("/promotions/configurations/tppe")).ExpectAsync(200);
        Assert.Equal(SampleUrl, (string?)stored["session_update_url"]);
    }

    [Fact]
    public async Task Malformed_json_is_400_in_shape_b()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", """{"auth_token":""")).ExpectAsync(400);
        Assert.Equal(400, (int?)body["status"]);
        Assert.NotNull((string?)body["message"]);
    }

    [Fact]
    public async Task Token_is_not_stored_in_plain_text()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await (await client.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", SampleRequest)).ExpectAsync(200);

        await using var connection = await fixture.Database.OpenAsync();
        var row = await connection.QuerySingleAsync<(string Url, string Token)>(
            "SELECT session_update_url, auth_token FROM integration_configs WHERE tenant = @tenant AND section = 'tppe'", new { tenant });
        Assert.Equal(SampleUrl, row.Url);
        Assert.DoesNotContain("test-auth-token", row.Token, StringComparison.Ordinal);
        Assert.Equal("test-auth-token", await StoredTokenAsync(tenant));
    }

    [Fact]
    public async Task Another_tenant_does_not_see_the_section()
    {
        using var owner = fixture.Client(ApiFixture.NewTenant());
        await (await owner.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", SampleRequest)).ExpectAsync(200);
        using var stranger = fixture.Client(ApiFixture.NewTenant());
        await (await stranger.GetAsync("/promotions/configurations/tppe")).ExpectAsync(404);
    }

    [Fact]
    public async Task Reading_needs_config_read_and_writing_needs_config_write()
    {
        var tenant = ApiFixture.NewTenant();
        using var reader = fixture.Client(tenant, Scopes.ConfigRead);
        await (await reader.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", SampleRequest)).ExpectAsync(403);
        using var promotionsOnly = fixture.Client(tenant, $"{Scopes.PromotionsRead} {Scopes.PromotionsWrite}");
        await (await promotionsOnly.GetAsync("/promotions/configurations/tppe")).ExpectAsync(403);
        await (await reader.GetAsync("/promotions/configurations/tppe")).ExpectAsync(404);
    }

    private async Task<string?> StoredTokenAsync(string tenant) =>
        await fixture.Services.GetRequiredService<IntegrationConfigStore>().GetAuthTokenAsync(tenant, "tppe", CancellationToken.None);

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, got {actual.ToJsonString()}");
}

public sealed class IntegrationConfigSqliteTests(SqliteApiFixture fixture) : IntegrationConfigTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class IntegrationConfigPostgresTests(PostgresApiFixture fixture) : IntegrationConfigTests(fixture), IClassFixture<PostgresApiFixture>;
