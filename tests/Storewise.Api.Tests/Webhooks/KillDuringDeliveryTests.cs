using Dapper;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// A server process killed with <c>kill -9</c> in the middle of a delivery storm loses no event: after a restart every
/// committed event reaches the receiver at least once, and a duplicate carries the same <c>webhook-id</c> and body.
/// </summary>
public abstract class KillDuringDeliveryTests(ApiFixture fixture)
{
    private const int Promotions = 300;

    [Fact]
    public async Task Every_committed_event_is_delivered_after_a_kill_mid_storm()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // A slow receiver keeps deliveries in flight, so the kill lands between sending and recording some of them.
        receiver.AnswerDelay = TimeSpan.FromMilliseconds(300);
        var tenant = ApiFixture.NewTenant();
        var token = fixture.Token(tenant);
        var delivering = new Dictionary<string, string>(DeliverySettings.Fast.Where(s => s.Key.StartsWith("Webhooks:", StringComparison.Ordinal)).Select(s => KeyValuePair.Create(s.Key, s.Value!)));
        await using (var server = await ServerProcess.StartAsync(fixture.Settings(), delivering))
        {
            using var client = server.Client(token);
            // Registered through the server that allows a loopback http receiver (the in-process one does not).
            await client.RegisterAsync(receiver.Url + "/events", "promotion.created");
            var next = -1;
            var writers = Enumerable.Range(0, 8).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) is var i && i < Promotions)
                {
                    try
                    {
                        using var response = await client.PostAsync(OfferBodies.PromotionsPath, HttpJson.Body(OfferBodies.Body($"storm {i}").ToJsonString()));
                        // Paced, so that on a fast machine the storm still outlasts the first deliveries and the kill lands in it.
                        await Task.Delay(100);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return; // the server is gone
                    }
                }
            }).ToList();

            await receiver.WaitForAsync(r => r.Count >= 40, seconds: 60);
            server.Kill();
            await Task.WhenAll(writers);
        }

        var committed = await CommittedEventIdsAsync(tenant);
        Assert.True(committed.Count is >= 40 and < Promotions, $"{committed.Count} events committed: the kill did not land mid-storm");
        var settled = await SettledCountAsync(tenant);
        Assert.True(settled < committed.Count, "every delivery was settled before the kill");

        await using (var restarted = await ServerProcess.StartAsync(fixture.Settings(), delivering))
        {
            await receiver.WaitForAsync(r => committed.All(r.Select(x => x.Id).ToHashSet().Contains), seconds: 60);
        }

        var received = receiver.Received.ToList();
        Assert.All(received, r => Assert.Contains(r.Id, committed));
        Assert.All(received.GroupBy(r => r.Id), copies => Assert.Single(copies.Select(c => c.Body).Distinct()));
    }

    private async Task<int> SettledCountAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM webhook_deliveries WHERE tenant = @tenant AND status = 'delivered'", new { tenant });
    }

    private async Task<HashSet<string>> CommittedEventIdsAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT id FROM outbox_events WHERE tenant = @tenant", new { tenant })).ToHashSet(StringComparer.Ordinal);
    }
}

public sealed class KillDuringDeliverySqliteTests(SqliteApiFixture f) : KillDuringDeliveryTests(f), IClassFixture<SqliteApiFixture>;

public sealed class KillDuringDeliveryPostgresTests(PostgresApiFixture f) : KillDuringDeliveryTests(f), IClassFixture<PostgresApiFixture>;
