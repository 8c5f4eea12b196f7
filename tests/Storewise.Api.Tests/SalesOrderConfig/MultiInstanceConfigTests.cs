using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Storewise.Api.TppeIntegration;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.SalesOrderConfig;

/// <summary>
/// Several server processes on one PostgreSQL database (docs/spec.md §D12): order ids never repeat, and a secret
/// encrypted by one instance is read by every other (the Data Protection key ring lives in the database).
/// </summary>
public sealed class MultiInstanceConfigTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private const string SequencePath = "/v0/config/sales_order/sales_order_generator_sequence";
    private const string WebhookPath = "/v0/config/sales_order/external_order_webhook";

    [Fact]
    public async Task Three_instances_hand_out_300_distinct_ids_in_the_arithmetic_sequence()
    {
        var tenant = ApiFixture.NewTenant();
        var token = fixture.Token(tenant);
        var servers = await StartServersAsync(3, fixture.ConnectionString);
        try
        {
            using var setup = servers[0].Client(token);
            await (await setup.SendJsonAsync(HttpMethod.Post, SequencePath, """{"value":{"prefix":"NS","size":16,"start":1,"step":2}}""")).ExpectAsync(200);
            var ids = new ConcurrentBag<string>();

            await Task.WhenAll(servers.Select(async server =>
            {
                using var client = server.Client(token);
                await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
                    ids.Add((string)(await (await client.PostAsync("/v0/sales_order/order_id", null)).ExpectAsync(200))["order_id"]!)));
            }));

            var expected = Enumerable.Range(0, 300).Select(n => $"NS{1 + (2 * n):0000000000000000}").Order(StringComparer.Ordinal);
            Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
        }
        finally
        {
            await StopAsync(servers);
        }
    }

    [Fact]
    public async Task Secrets_written_by_one_instance_are_read_by_the_others()
    {
        var tenant = ApiFixture.NewTenant();
        var token = fixture.Token(tenant);
        var servers = await StartServersAsync(2, fixture.ConnectionString);
        try
        {
            using var writer = servers[0].Client(token);
            await (await writer.SendJsonAsync(HttpMethod.Post, WebhookPath, """{"value":{"url":"https://oms.example.com/","api_key":"key-from-instance-a-9876"}}""")).ExpectAsync(200);
            await (await writer.SendJsonAsync(HttpMethod.Patch, "/promotions/configurations/tppe", """{"auth_token":"token-from-instance-a"}""")).ExpectAsync(200);

            using var reader = servers[1].Client(token);
            var read = await (await reader.GetAsync(WebhookPath)).ExpectAsync(200);
            Assert.Equal("********9876", (string?)read["value"]!["api_key"]);
            using var inProcess = fixture.Client(tenant);
            Assert.Equal("********9876", (string?)(await (await inProcess.GetAsync(WebhookPath)).ExpectAsync(200))["value"]!["api_key"]);
            var store = fixture.Services.GetRequiredService<IntegrationConfigStore>();
            Assert.Equal("token-from-instance-a", await store.GetAuthTokenAsync(tenant, "tppe", CancellationToken.None));
        }
        finally
        {
            await StopAsync(servers);
        }
    }

    [Fact]
    public async Task Instances_starting_together_on_an_empty_database_share_one_key()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var servers = Array.Empty<ServerProcess>();
        try
        {
            servers = await StartServersAsync(3, connectionString);
            var tenants = servers.Select(_ => ApiFixture.NewTenant()).ToArray();

            // The first encryption of every instance happens at the same moment.
            await Task.WhenAll(servers.Select(async (server, i) =>
            {
                using var writer = server.Client(fixture.Token(tenants[i]));
                await (await writer.SendJsonAsync(HttpMethod.Post, WebhookPath, $$$"""{"value":{"url":"https://oms.example.com/","api_key":"shared-ring-key-{{{i}}}000"}}""")).ExpectAsync(200);
            }));

            foreach (var server in servers)
            {
                for (var i = 0; i < tenants.Length; i++)
                {
                    using var reader = server.Client(fixture.Token(tenants[i]));
                    var read = await (await reader.GetAsync(WebhookPath)).ExpectAsync(200);
                    Assert.Equal($"********{i}000", (string?)read["value"]!["api_key"]);
                }
            }

            await using var connection = new NpgsqlConnection(connectionString);
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys"));
        }
        finally
        {
            await StopAsync(servers);
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Concurrent_writes_through_three_instances_never_both_win()
    {
        var tenant = ApiFixture.NewTenant();
        var token = fixture.Token(tenant);
        var servers = await StartServersAsync(3, fixture.ConnectionString);
        try
        {
            var answers = new ConcurrentBag<(int Status, int Seconds)>();
            await Task.WhenAll(servers.Select(async (server, index) =>
            {
                using var client = server.Client(token);
                await Task.WhenAll(Enumerable.Range(0, 20).Select(async n =>
                {
                    var seconds = (index * 100) + n;
                    using var response = await client.SendJsonAsync(HttpMethod.Post, "/v0/config/sales_order/on_hold_timer_duration", $$$"""{"value":{{{seconds}}}}""");
                    answers.Add(((int)response.StatusCode, seconds));
                }));
            }));

            Assert.All(answers, a => Assert.Contains(a.Status, new[] { 200, 409 }));
            await using var connection = await fixture.Database.OpenAsync();
            var row = await connection.QuerySingleAsync<(string Value, long Version)>(
                "SELECT value_json, row_version FROM sales_order_configs WHERE tenant = @tenant AND config_key = 'on_hold_timer_duration'", new { tenant });
            var winners = answers.Where(a => a.Status == 200).Select(a => a.Seconds).ToList();
            Assert.Equal(winners.Count, row.Version);
            Assert.Contains((int)JsonNode.Parse(row.Value)!, winners);
        }
        finally
        {
            await StopAsync(servers);
        }
    }

    private async Task<ServerProcess[]> StartServersAsync(int count, string connectionString)
    {
        // A small pool per process: the PostgreSQL server is shared with other test runs.
        var pooled = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 20 }.ToString();
        var extra = new Dictionary<string, string> { ["ConnectionStrings:Storewise"] = pooled };
        return await Task.WhenAll(Enumerable.Range(0, count).Select(_ => ServerProcess.StartAsync(fixture.Settings(), extra)));
    }

    private static async Task StopAsync(IEnumerable<ServerProcess> servers)
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }
}
