using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.SalesOrderConfig;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.SalesOrderConfig;

/// <summary>Lost races are 409 (docs/spec.md §5): two writers of one key never both win silently.</summary>
public abstract class SalesOrderConfigConcurrencyTests(ApiFixture fixture)
{
    private const string Base = "/v0/config/sales_order/";

    private SalesOrderConfigStore Store => fixture.Services.GetRequiredService<SalesOrderConfigStore>();

    [Fact]
    public async Task Second_writer_holding_the_same_version_loses()
    {
        var tenant = ApiFixture.NewTenant();
        var now = fixture.Clock.GetUtcNow();
        Assert.True(await Store.TryWriteAsync(tenant, SalesOrderConfigKeys.OnHoldTimerDuration, new ConfigValue(JsonValue.Create(10)), null, "u", now));
        var read = await Store.ReadAsync(tenant, SalesOrderConfigKeys.OnHoldTimerDuration);

        var first = await Store.TryWriteAsync(tenant, SalesOrderConfigKeys.OnHoldTimerDuration, new ConfigValue(JsonValue.Create(20)), read!.RowVersion, "a", now);
        var second = await Store.TryWriteAsync(tenant, SalesOrderConfigKeys.OnHoldTimerDuration, new ConfigValue(JsonValue.Create(30)), read.RowVersion, "b", now);

        Assert.True(first);
        Assert.False(second);
        var stored = await Store.ReadAsync(tenant, SalesOrderConfigKeys.OnHoldTimerDuration);
        Assert.Equal("20", stored!.ValueJson);
        Assert.Equal(read.RowVersion + 1, stored.RowVersion);
    }

    [Fact]
    public async Task Second_first_writer_of_an_unset_key_loses()
    {
        var tenant = ApiFixture.NewTenant();
        var now = fixture.Clock.GetUtcNow();

        var first = await Store.TryWriteAsync(tenant, SalesOrderConfigKeys.BigSalesOrder, new ConfigValue(new JsonObject { ["soft_limit_for_big_orders"] = 5 }), null, "a", now);
        var second = await Store.TryWriteAsync(tenant, SalesOrderConfigKeys.BigSalesOrder, new ConfigValue(new JsonObject { ["soft_limit_for_big_orders"] = 6 }), null, "b", now);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("""{"soft_limit_for_big_orders":5}""", (await Store.ReadAsync(tenant, SalesOrderConfigKeys.BigSalesOrder))!.ValueJson);
    }

    [Fact]
    public async Task Concurrent_posts_of_one_key_are_each_200_or_409_and_every_200_is_one_version()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var answers = new ConcurrentBag<(int Status, int Limit)>();

        await Task.WhenAll(Enumerable.Range(1, 40).Select(async limit =>
        {
            using var response = await client.SendJsonAsync(HttpMethod.Post, Base + "big_sales_order", $$$"""{"value":{"soft_limit_for_big_orders":{{{limit}}}}}""");
            var body = await response.ReadJsonAsync();
            if ((int)response.StatusCode == 409)
            {
                Assert.Equal("conflict", (string?)body["error_code"]);
            }

            answers.Add(((int)response.StatusCode, limit));
        }));

        Assert.All(answers, a => Assert.Contains(a.Status, new[] { 200, 409 }));
        var winners = answers.Where(a => a.Status == 200).Select(a => a.Limit).ToList();
        var stored = await Store.ReadAsync(tenant, SalesOrderConfigKeys.BigSalesOrder);
        Assert.Equal(winners.Count, stored!.RowVersion);
        Assert.Contains((int)JsonNode.Parse(stored.ValueJson)!["soft_limit_for_big_orders"]!, winners);
    }

    [Fact]
    public async Task Concurrent_first_sequences_leave_exactly_one_configured()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var statuses = new ConcurrentBag<(int Status, int Start)>();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(async start =>
        {
            using var response = await client.SendJsonAsync(HttpMethod.Post, Base + "sales_order_generator_sequence", $$$"""{"value":{"prefix":"R","size":6,"start":{{{start}}},"step":1}}""");
            statuses.Add(((int)response.StatusCode, start));
        }));

        var winner = Assert.Single(statuses, s => s.Status == 200);
        Assert.Equal(19, statuses.Count(s => s.Status == 409));
        var order = await (await client.PostAsync("/v0/sales_order/order_id", null)).ExpectAsync(200);
        Assert.Equal($"R{winner.Start:000000}", (string?)order["order_id"]);
        await using var connection = await fixture.Database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM order_id_counters WHERE tenant = @tenant", new { tenant }));
    }
}

public sealed class SalesOrderConfigConcurrencySqliteTests(SqliteApiFixture fixture) : SalesOrderConfigConcurrencyTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class SalesOrderConfigConcurrencyPostgresTests(PostgresApiFixture fixture) : SalesOrderConfigConcurrencyTests(fixture), IClassFixture<PostgresApiFixture>;
