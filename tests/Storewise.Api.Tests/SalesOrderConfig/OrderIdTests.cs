using System.Collections.Concurrent;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.SalesOrderConfig;

/// <summary>POST /v0/sales_order/order_id (docs/spec.md §D1, §8 #20): ids from the configured sequence, never repeated.</summary>
public abstract class OrderIdTests(ApiFixture fixture)
{
    private const string OrderIdPath = "/v0/sales_order/order_id";

    [Fact]
    public async Task Without_a_sequence_the_answer_is_404_problem()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        using var response = await client.PostAsync(OrderIdPath, null);
        var body = await response.ExpectAsync(404);
        Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
        Assert.Equal("not_found", (string?)body["error_code"]);
    }

    [Fact]
    public async Task Ids_follow_the_vendor_sample_sequence()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await ConfigureAsync(client, """{"prefix":"NS","size":16,"start":1,"step":2}""");

        var ids = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((string?)(await (await client.PostAsync(OrderIdPath, null)).ExpectAsync(200))["order_id"]);
        }

        Assert.Equal(["NS0000000000000001", "NS0000000000000003", "NS0000000000000005"], ids);
    }

    [Fact]
    public async Task Exhausted_sequence_is_409_sequence_exhausted()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await ConfigureAsync(client, """{"prefix":"X-","size":1,"start":7,"step":2}""");

        Assert.Equal("X-7", (string?)(await (await client.PostAsync(OrderIdPath, null)).ExpectAsync(200))["order_id"]);
        Assert.Equal("X-9", (string?)(await (await client.PostAsync(OrderIdPath, null)).ExpectAsync(200))["order_id"]);
        using var response = await client.PostAsync(OrderIdPath, null);
        var body = await response.ExpectAsync(409);
        Assert.Equal("application/problem+json", response.ContentType()?.MediaType);
        Assert.Equal("sequence_exhausted", (string?)body["error_code"]);
        await (await client.PostAsync(OrderIdPath, null)).ExpectAsync(409);
    }

    [Fact]
    public async Task Numbers_near_the_64_bit_limit_do_not_overflow()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await ConfigureAsync(client, $$$"""{"prefix":"","size":19,"start":{{{long.MaxValue - 5}}},"step":3}""");

        Assert.Equal((long.MaxValue - 5).ToString(), (string?)(await (await client.PostAsync(OrderIdPath, null)).ExpectAsync(200))["order_id"]);
        await (await client.PostAsync(OrderIdPath, null)).ExpectAsync(409);
    }

    [Fact]
    public async Task Each_tenant_has_its_own_counter()
    {
        using var first = fixture.Client(ApiFixture.NewTenant());
        using var second = fixture.Client(ApiFixture.NewTenant());
        await ConfigureAsync(first, """{"prefix":"A","size":3,"start":1,"step":1}""");
        await ConfigureAsync(second, """{"prefix":"A","size":3,"start":1,"step":1}""");

        Assert.Equal("A001", (string?)(await (await first.PostAsync(OrderIdPath, null)).ExpectAsync(200))["order_id"]);
        Assert.Equal("A001", (string?)(await (await second.PostAsync(OrderIdPath, null)).ExpectAsync(200))["order_id"]);
    }

    [Fact]
    public async Task Concurrent_calls_get_distinct_ids_in_the_arithmetic_sequence()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await ConfigureAsync(client, """{"prefix":"NS","size":8,"start":5,"step":3}""");
        var ids = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
            ids.Add((string)(await (await client.PostAsync(OrderIdPath, null)).ExpectAsync(200))["order_id"]!)));

        var expected = Enumerable.Range(0, 200).Select(n => $"NS{5 + (3 * n):00000000}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Order_id_needs_config_write()
    {
        using var reader = fixture.Client(ApiFixture.NewTenant(), Storewise.Api.Auth.Scopes.ConfigRead);
        await (await reader.PostAsync(OrderIdPath, null)).ExpectAsync(403);
    }

    internal static async Task ConfigureAsync(HttpClient client, string sequence) =>
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/config/sales_order/sales_order_generator_sequence", $$$"""{"value":{{{sequence}}}}""")).ExpectAsync(200);
}

public sealed class OrderIdSqliteTests(SqliteApiFixture fixture) : OrderIdTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class OrderIdPostgresTests(PostgresApiFixture fixture) : OrderIdTests(fixture), IClassFixture<PostgresApiFixture>;
