using System.Diagnostics;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.ScaleOut;

/// <summary>
/// Carts without codes read no catalogue version on PostgreSQL: instances hear of each other's changes by
/// LISTEN/NOTIFY, and a lost listening connection still bounds staleness to one second
/// (docs/decisions/0510-catalogue-change-notifications.md). The test host is one instance, a server process the other.
/// </summary>
public sealed class CatalogueNotificationTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);
    private const string Cart = """{"currency":"EUR","items":[{"id":"a","productId":"p1","quantity":1,"price":100}]}""";

    [Fact]
    public async Task A_second_server_process_prices_an_edit_for_carts_without_codes()
    {
        var tenant = ApiFixture.NewTenant();
        await using var other = await ServerProcess.StartAsync(fixture.Settings());
        using var here = fixture.Client(tenant);
        using var there = other.Client(fixture.Token(tenant));
        var promotion = (await here.CreateAsync(OfferBodies.PromotionsPath, Percent("Ten off", 10)))["promotion"]!;
        await ExpectWithinAsync(there, 90m);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(90m, await TotalAsync(there)); // known and covered by the listener from here on
        }

        await EditAsync(here, promotion, active: false);
        await ExpectWithinAsync(there, 100m);
        await EditAsync(there, promotion, active: true);
        await ExpectWithinAsync(here, 90m);
    }

    [Fact]
    public async Task A_killed_listening_connection_still_bounds_staleness_to_one_second_and_comes_back()
    {
        var tenant = ApiFixture.NewTenant();
        await using var other = await ServerProcess.StartAsync(fixture.Settings());
        using var here = fixture.Client(tenant);
        using var there = other.Client(fixture.Token(tenant));
        var promotion = (await there.CreateAsync(OfferBodies.PromotionsPath, Percent("Ten off", 10)))["promotion"]!;
        await ExpectWithinAsync(here, 90m);

        Assert.Equal(1, await TerminateListenerAsync());
        await EditAsync(there, promotion, active: false);
        await ExpectWithinAsync(here, 100m);

        var clock = Stopwatch.StartNew();
        while (await ListenerSessionsAsync() == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the listener did not reconnect");
            await Task.Delay(50);
        }

        await EditAsync(there, promotion, active: true);
        await ExpectWithinAsync(here, 90m);
    }

    private static JsonObject Percent(string name, int percent) =>
        OfferBodies.Body(name, $$"""{"kind":"CartLevelPercentage","discount":{{percent}}}""");

    /// <summary>Switches the promotion on or off (its category cannot change).</summary>
    private static async Task EditAsync(HttpClient client, JsonNode promotion, bool active)
    {
        var current = (await (await client.GetAsync(new Uri($"{OfferBodies.PromotionsPath}/{promotion["id"]}", UriKind.Relative))).ExpectAsync(200))["promotion"]!;
        var edit = OfferBodies.ReplaceBody(current, body => body["active"] = active);
        await (await client.PutJsonAsync($"{OfferBodies.PromotionsPath}/{promotion["id"]}", edit)).ExpectAsync(200);
    }

    private static async Task<decimal> TotalAsync(HttpClient client) =>
        (decimal)(await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart", Cart)).ExpectAsync(200))["total"]!;

    /// <summary>Prices the cart until its total is <paramref name="total"/>, for at most one second from now.</summary>
    private static async Task ExpectWithinAsync(HttpClient client, decimal total)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var last = await TotalAsync(client);
            if (last == total)
            {
                return;
            }

            Assert.True(clock.Elapsed < Within, $"{client.BaseAddress} still priced {last} (expected {total}) after {Within.TotalSeconds} s");
            await Task.Delay(20);
        }
    }

    // The test host runs in this process, so its listening session is named after this process's id.
    private static string ListenerName => $"storewise-listener-{Environment.ProcessId}";

    private async Task<int> TerminateListenerAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        return (await connection.QueryAsync<bool>(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name",
            new { name = ListenerName })).Count(terminated => terminated);
    }

    private async Task<int> ListenerSessionsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", new { name = ListenerName });
    }
}
