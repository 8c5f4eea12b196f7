using System.Text.Json.Nodes;
using Dapper;
using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.SalesOrderConfig;

/// <summary>Sales order configuration (docs/spec.md §1.4, §5, §D10): samples, defaults, validation, secrets, immutability.</summary>
public abstract class SalesOrderConfigTests(ApiFixture fixture)
{
    private const string Base = "/v0/config/sales_order/";

    /// <summary>Every request sample of the vendor page, with the value it must read back as.</summary>
    public static TheoryData<string, string, string> VendorSamples => new()
    {
        { "external_oms", """{"value":{"enabled":true}}""", """{"enabled":true}""" },
        { "sales_order_generator_sequence", """{"value":{"prefix":"NS","size":16,"start":1,"step":2}}""", """{"prefix":"NS","size":16,"start":1,"step":2}""" },
        { "on_hold_timer_duration", """{"value":20}""", "20" },
        { "cancellation_allowed_from", """{"value":["store","dc"]}""", """["store","dc"]""" },
        { "big_sales_order", """{"value":{"soft_limit_for_big_orders":300}}""", """{"soft_limit_for_big_orders":300}""" },
        { "external_order_webhook", """{"value":{"url":"https://example.com/","api_key":"API_KEY","timeout":20}}""", """{"url":"https://example.com/","api_key":"********","timeout":20}""" },
    };

    [Theory]
    [MemberData(nameof(VendorSamples))]
    public async Task Vendor_request_sample_is_stored_and_read_back_in_the_envelope(string key, string request, string expectedValue)
    {
        var expectedAt = Timestamps.Rfc3339(RewindClock());
        using var client = fixture.Client(ApiFixture.NewTenant());

        using var post = await client.SendJsonAsync(HttpMethod.Post, Base + key, request);
        var written = await post.ExpectAsync(200);
        Assert.Equal("application/json", post.ContentType()?.MediaType);
        AssertJson($$"""{"value":{{expectedValue}},"updated_at":"{{expectedAt}}"}""", written);

        var read = await (await client.GetAsync(Base + key)).ExpectAsync(200);
        AssertJson($$"""{"value":{{expectedValue}},"updated_at":"{{expectedAt}}"}""", read);
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", (string?)read["updated_at"]);
    }

    [Theory]
    [InlineData("external_oms", """{"value":{"enabled":false},"updated_at":null}""")]
    [InlineData("cancellation_allowed_from", """{"value":["store"],"updated_at":null}""")]
    [InlineData("big_sales_order", """{"value":{"soft_limit_for_big_orders":100},"updated_at":null}""")]
    [InlineData("external_order_webhook", """{"value":null,"updated_at":null}""")]
    public async Task Never_set_key_with_a_documented_default_reads_as_the_default(string key, string expected)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        AssertJson(expected, await (await client.GetAsync(Base + key)).ExpectAsync(200));
    }

    [Theory]
    [InlineData("sales_order_generator_sequence")]
    [InlineData("on_hold_timer_duration")]
    public async Task Never_set_key_without_a_default_is_404_problem(string key)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await AssertProblemAsync(client, HttpMethod.Get, Base + key, null, 404, "not_found", key);
    }

    [Fact]
    public async Task Unknown_key_is_404_problem_for_read_and_write()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await AssertProblemAsync(client, HttpMethod.Get, Base + "max_order_value", null, 404, "not_found", "max_order_value");
        await AssertProblemAsync(client, HttpMethod.Post, Base + "max_order_value", """{"value":1}""", 404, "not_found", "max_order_value");
    }

    public static TheoryData<string, string, string> InvalidWrites => new()
    {
        { "external_oms", """{"value":{"enabled":"yes"}}""", "value.enabled: Value provided should be a boolean." },
        { "external_oms", """{"value":{}}""", "value.enabled: is required" },
        { "external_oms", """{"value":true}""", "value: Value provided should be an object." },
        { "sales_order_generator_sequence", """{"value":{"prefix":1,"size":16,"start":1,"step":2}}""", "value.prefix: Value provided should be a string." },
        { "sales_order_generator_sequence", """{"value":{"prefix":"NS","size":"16","start":1,"step":2}}""", "value.size: Value provided should be an integer." },
        { "sales_order_generator_sequence", """{"value":{"prefix":"NS","size":0,"start":1,"step":2}}""", "value.size: must be between 1 and 32" },
        { "sales_order_generator_sequence", """{"value":{"prefix":"NS","size":16,"start":0,"step":2}}""", "value.start: must be at least 1" },
        { "sales_order_generator_sequence", """{"value":{"prefix":"NS","size":16,"start":1,"step":0}}""", "value.step: must be at least 1" },
        { "sales_order_generator_sequence", """{"value":{"prefix":"NS","size":16,"start":1,"step":1.5}}""", "value.step: Value provided should be an integer." },
        { "sales_order_generator_sequence", """{"value":{"prefix":"NS","start":1,"step":2}}""", "value.size: is required" },
        { "sales_order_generator_sequence", """{"value":{"prefix":"NS","size":2,"start":100,"step":1}}""", "value.start: does not fit in 2 digits" },
        { "sales_order_generator_sequence", """{"value":{"prefix":"NS","size":16,"start":99999999999999999999,"step":1}}""", "value.start: is too large" },
        { "on_hold_timer_duration", """{"value":-1}""", "value: must be between 0 and 2147483647" },
        { "on_hold_timer_duration", """{"value":"20"}""", "value: Value provided should be an integer." },
        { "on_hold_timer_duration", """{"value":20.5}""", "value: Value provided should be an integer." },
        { "cancellation_allowed_from", """{"value":[]}""", "value: must not be empty" },
        { "cancellation_allowed_from", """{"value":["store","store"]}""", "value[1]: duplicate location type store" },
        { "cancellation_allowed_from", """{"value":["warehouse"]}""", "value[0]: must be one of store, dc" },
        { "cancellation_allowed_from", """{"value":["Store"]}""", "value[0]: must be one of store, dc" },
        { "cancellation_allowed_from", """{"value":[1]}""", "value[0]: Value provided should be a string." },
        { "cancellation_allowed_from", """{"value":"store"}""", "value: Value provided should be an array." },
        { "big_sales_order", """{"value":{"soft_limit_for_big_orders":0}}""", "value.soft_limit_for_big_orders: must be between 1 and 2147483647" },
        { "big_sales_order", """{"value":{"soft_limit_for_big_orders":"300"}}""", "value.soft_limit_for_big_orders: Value provided should be an integer." },
        { "big_sales_order", """{"value":{}}""", "value.soft_limit_for_big_orders: is required" },
        { "external_order_webhook", """{"value":{"api_key":"k","timeout":20}}""", "value.url: is required" },
        { "external_order_webhook", """{"value":{"url":"","api_key":"k"}}""", "value.url: must be a non-empty absolute http(s) URI of at most 2048 characters" },
        { "external_order_webhook", """{"value":{"url":"example.com/orders","api_key":"k"}}""", "value.url: must be a non-empty absolute http(s) URI of at most 2048 characters" },
        { "external_order_webhook", """{"value":{"url":7,"api_key":"k"}}""", "value.url: Value provided should be a string." },
        { "external_order_webhook", """{"value":{"url":"https://example.com/","api_key":""}}""", "value.api_key: must be a non-empty string of at most 1024 characters" },
        { "external_order_webhook", """{"value":{"url":"https://example.com/"}}""", "value.api_key: is required" },
        { "external_order_webhook", """{"value":{"url":"https://example.com/","api_key":12}}""", "value.api_key: Value provided should be a string." },
        { "external_order_webhook", """{"value":{"url":"https://example.com/","api_key":"k","timeout":26}}""", "value.timeout: must be between 1 and 25" },
        { "external_order_webhook", """{"value":{"url":"https://example.com/","api_key":"k","timeout":0}}""", "value.timeout: must be between 1 and 25" },
        { "external_order_webhook", """{"value":{"url":"https://example.com/","api_key":"k","timeout":"20"}}""", "value.timeout: Value provided should be an integer." },
    };

    [Theory]
    [MemberData(nameof(InvalidWrites))]
    public async Task Invalid_value_is_400_problem_naming_the_field_and_stores_nothing(string key, string request, string message)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var before = await ReadWithoutRequestIdAsync(client, Base + key);

        var body = await AssertProblemAsync(client, HttpMethod.Post, Base + key, request, 400, "bad_request", null);

        Assert.Equal(message, (string?)body["message"]);
        Assert.Equal(before, await ReadWithoutRequestIdAsync(client, Base + key));
    }

    [Theory]
    [InlineData("external_oms", """{}""")]
    [InlineData("sales_order_generator_sequence", """{"value":null}""")]
    [InlineData("on_hold_timer_duration", """{"values":20}""")]
    [InlineData("cancellation_allowed_from", """{}""")]
    [InlineData("big_sales_order", """{"soft_limit_for_big_orders":300}""")]
    [InlineData("external_order_webhook", """{}""")]
    public async Task Missing_value_is_400_problem(string key, string request)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = await AssertProblemAsync(client, HttpMethod.Post, Base + key, request, 400, "bad_request", null);
        Assert.Equal("value: is required", (string?)body["message"]);
    }

    [Theory]
    [InlineData("""{"value":""")]
    [InlineData("""[1,2]""")]
    [InlineData("""42""")]
    public async Task Malformed_or_non_object_body_is_400_problem(string request)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await AssertProblemAsync(client, HttpMethod.Post, Base + "on_hold_timer_duration", request, 400, "bad_request", null);
    }

    [Fact]
    public async Task Webhook_timeout_defaults_to_15_when_not_sent()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var written = await (await client.SendJsonAsync(HttpMethod.Post, Base + "external_order_webhook", """{"value":{"url":"https://oms.example.com/","api_key":"secret-key-abcd"}}""")).ExpectAsync(200);
        Assert.Equal(15, (int?)written["value"]!["timeout"]);
        var read = await (await client.GetAsync(Base + "external_order_webhook")).ExpectAsync(200);
        Assert.Equal(15, (int?)read["value"]!["timeout"]);
    }

    [Fact]
    public async Task Webhook_api_key_is_masked_in_every_answer_and_encrypted_in_the_database()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        const string apiKey = "live-4f9a2c7e1b-wxyz";

        using var post = await client.SendJsonAsync(HttpMethod.Post, Base + "external_order_webhook", $$$"""{"value":{"url":"https://oms.example.com/","api_key":"{{{apiKey}}}","timeout":5}}""");
        var postText = await post.Content.ReadAsStringAsync();
        using var get = await client.GetAsync(Base + "external_order_webhook");
        var getText = await get.Content.ReadAsStringAsync();

        Assert.Equal("********wxyz", (string?)JsonNode.Parse(postText)!["value"]!["api_key"]);
        Assert.Equal("********wxyz", (string?)JsonNode.Parse(getText)!["value"]!["api_key"]);
        Assert.DoesNotContain(apiKey, postText, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, getText, StringComparison.Ordinal);

        await using var connection = await fixture.Database.OpenAsync();
        var row = await connection.QuerySingleAsync<(string ValueJson, string Secret)>(
            "SELECT value_json, secret FROM sales_order_configs WHERE tenant = @tenant AND config_key = 'external_order_webhook'", new { tenant });
        Assert.DoesNotContain(apiKey, row.ValueJson, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, row.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain("api_key", row.ValueJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_again_replaces_the_value_and_moves_updated_at()
    {
        RewindClock();
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.SendJsonAsync(HttpMethod.Post, Base + "big_sales_order", """{"value":{"soft_limit_for_big_orders":300}}""")).ExpectAsync(200);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var expectedAt = Timestamps.Rfc3339(fixture.Clock.GetUtcNow());

        await (await client.SendJsonAsync(HttpMethod.Post, Base + "big_sales_order", """{"value":{"soft_limit_for_big_orders":50,"note":"ignored"}}""")).ExpectAsync(200);

        AssertJson(
            $$"""{"value":{"soft_limit_for_big_orders":50},"updated_at":"{{expectedAt}}"}""",
            await (await client.GetAsync(Base + "big_sales_order")).ExpectAsync(200));
    }

    [Fact]
    public async Task On_hold_timer_above_an_hour_is_accepted()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = await (await client.SendJsonAsync(HttpMethod.Post, Base + "on_hold_timer_duration", """{"value":7200}""")).ExpectAsync(200);
        Assert.Equal(7200, (int?)body["value"]);
    }

    [Fact]
    public async Task Identical_sequence_again_is_200_with_the_first_write_time()
    {
        RewindClock();
        using var client = fixture.Client(ApiFixture.NewTenant());
        const string sequence = """{"value":{"prefix":"NS","size":16,"start":1,"step":2}}""";
        var first = await (await client.SendJsonAsync(HttpMethod.Post, Base + "sales_order_generator_sequence", sequence)).ExpectAsync(200);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await (await client.SendJsonAsync(HttpMethod.Post, Base + "sales_order_generator_sequence", sequence)).ExpectAsync(200);

        AssertJson(first.ToJsonString(), again);
    }

    [Theory]
    [InlineData("""{"value":{"prefix":"NX","size":16,"start":1,"step":2}}""")]
    [InlineData("""{"value":{"prefix":"NS","size":12,"start":1,"step":2}}""")]
    [InlineData("""{"value":{"prefix":"NS","size":16,"start":5,"step":2}}""")]
    [InlineData("""{"value":{"prefix":"NS","size":16,"start":1,"step":1}}""")]
    public async Task Changing_the_sequence_is_409_sequence_already_configured(string changed)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var first = await (await client.SendJsonAsync(HttpMethod.Post, Base + "sales_order_generator_sequence", """{"value":{"prefix":"NS","size":16,"start":1,"step":2}}""")).ExpectAsync(200);

        var body = await AssertProblemAsync(client, HttpMethod.Post, Base + "sales_order_generator_sequence", changed, 409, "conflict", null);

        Assert.Equal("sequence already configured", (string?)body["message"]);
        AssertJson(first.ToJsonString(), await (await client.GetAsync(Base + "sales_order_generator_sequence")).ExpectAsync(200));
    }

    [Fact]
    public async Task Sequence_without_prefix_is_stored_with_an_empty_prefix()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = await (await client.SendJsonAsync(HttpMethod.Post, Base + "sales_order_generator_sequence", """{"value":{"size":6,"start":10,"step":5}}""")).ExpectAsync(200);
        AssertJson("""{"prefix":"","size":6,"start":10,"step":5}""", body["value"]!);
    }

    [Fact]
    public async Task Keys_are_per_tenant()
    {
        using var owner = fixture.Client(ApiFixture.NewTenant());
        await (await owner.SendJsonAsync(HttpMethod.Post, Base + "on_hold_timer_duration", """{"value":20}""")).ExpectAsync(200);
        using var stranger = fixture.Client(ApiFixture.NewTenant());
        await (await stranger.GetAsync(Base + "on_hold_timer_duration")).ExpectAsync(404);
    }

    [Fact]
    public async Task Writing_needs_config_write_and_the_refusal_is_problem_json()
    {
        using var reader = fixture.Client(ApiFixture.NewTenant(), Scopes.ConfigRead);
        await AssertProblemAsync(reader, HttpMethod.Post, Base + "on_hold_timer_duration", """{"value":20}""", 403, "forbidden", null);
        using var promotionsOnly = fixture.Client(ApiFixture.NewTenant(), Scopes.PromotionsRead);
        await AssertProblemAsync(promotionsOnly, HttpMethod.Get, Base + "external_oms", null, 403, "forbidden", null);
    }

    /// <summary>
    /// Puts the clock an hour back (whole seconds) so a test can move it forward a little: tokens are
    /// checked against the real time, so the test clock must never run ahead of it.
    /// </summary>
    private DateTimeOffset RewindClock()
    {
        var now = fixture.Clock.MoveForwardTo(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()));
        return now.UtcTicks % TimeSpan.TicksPerSecond == 0 ? now : fixture.Clock.MoveToNextWholeSecond();
    }

    /// <summary>Sends with an x-request-id and checks the problem+json answer carries it.</summary>
    private static async Task<JsonNode> AssertProblemAsync(HttpClient client, HttpMethod method, string url, string? json, int status, string errorCode, string? messageContains)
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("x-request-id", requestId);
        if (json is not null)
        {
            request.Content = HttpJson.Body(json);
        }

        using var response = await client.SendAsync(request);
        var body = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
        Assert.Equal(errorCode, (string?)body["error_code"]);
        Assert.Equal(requestId, (string?)body["request_id"]);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]));
        Assert.Equal(3, body.AsObject().Count);
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, (string?)body["message"], StringComparison.Ordinal);
        }

        return body;
    }

    /// <summary>Status and body of a GET, without the per-request id of an error body.</summary>
    private static async Task<string> ReadWithoutRequestIdAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = (await response.ReadJsonAsync()).AsObject();
        body.Remove("request_id");
        return $"{(int)response.StatusCode} {body.ToJsonString()}";
    }

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, got {actual.ToJsonString()}");
}

public sealed class SalesOrderConfigSqliteTests(SqliteApiFixture fixture) : SalesOrderConfigTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class SalesOrderConfigPostgresTests(PostgresApiFixture fixture) : SalesOrderConfigTests(fixture), IClassFixture<PostgresApiFixture>;
