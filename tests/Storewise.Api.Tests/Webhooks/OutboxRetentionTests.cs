using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Events;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// The outbox keeps events for <c>Events:RetentionDays</c> (docs/decisions/0806-outbox-retention.md): after it, an
/// event every delivery of which succeeded, or that had none, is deleted with its deliveries; one still pending is not.
/// </summary>
public abstract class OutboxRetentionTests(ApiFixture fixture)
{
    [Fact]
    public async Task Delivered_events_are_pruned_after_the_retention_and_undelivered_ones_are_kept()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var (webhookId, _) = await client.RegisterAsync(receiver.Url + "/events", "promotion.created");

        var delivered = (string)(await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("delivered")))["promotion"]!["id"]!;
        await WaitUntilAsync(async () => (await DeliveriesAsync(tenant)).Any(d => d.Subject == delivered && d.Status == "delivered"));
        receiver.Down = true;
        var pending = (string)(await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("pending")))["promotion"]!["id"]!;
        await WaitUntilAsync(async () => (await DeliveriesAsync(tenant)).Any(d => d.Subject == pending && d.Attempts >= 1));
        var unsubscribed = (string)(await client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body("no subscriber")))["coupon"]!["id"]!;
        Assert.Equal(new[] { delivered, pending, unsubscribed }.Order(StringComparer.Ordinal), (await EventSubjectsAsync(tenant)).Order(StringComparer.Ordinal));

        var pruner = fixture.Services.GetRequiredService<OutboxPruner>();
        var now = fixture.Clock.GetUtcNow();
        Assert.Equal(0, await pruner.PruneAsync(now.AddDays(6.9), CancellationToken.None));
        Assert.Equal(3, (await EventSubjectsAsync(tenant)).Count);

        Assert.Equal(2, await pruner.PruneAsync(now.AddDays(7.1), CancellationToken.None));
        Assert.Equal([pending], await EventSubjectsAsync(tenant));
        var left = Assert.Single(await DeliveriesAsync(tenant));
        Assert.Equal((pending, "pending"), (left.Subject, left.Status));
        Assert.Equal(0, await pruner.PruneAsync(now.AddDays(7.1), CancellationToken.None));

        // The kept event is still delivered when its receiver is back, and pruned once it was.
        receiver.Down = false;
        await receiver.WaitForAsync(r => r.Any(x => (string)x.Payload()["subjectId"]! == pending), whileWaiting: () => fixture.Clock.Advance(TimeSpan.FromSeconds(1)));
        await WaitUntilAsync(async () => (await DeliveriesAsync(tenant)).All(d => d.Status == "delivered"));
        Assert.Equal(1, await pruner.PruneAsync(fixture.Clock.GetUtcNow().AddDays(7.1), CancellationToken.None));
        Assert.Empty(await EventSubjectsAsync(tenant));
        Assert.Empty(await DeliveriesAsync(tenant));
        await (await client.GetAsync(new Uri($"{WebhookApi.Path}/{webhookId}", UriKind.Relative))).ExpectAsync(200);
    }

    private async Task<List<string>> EventSubjectsAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT subject_id FROM outbox_events WHERE tenant = @tenant ORDER BY occurred_at, id", new { tenant })).AsList();
    }

    private async Task<List<(string Subject, string Status, long Attempts)>> DeliveriesAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return (await connection.QueryAsync<(string, string, long)>(
            "SELECT o.subject_id, d.status, d.attempts FROM webhook_deliveries d JOIN outbox_events o ON o.tenant = d.tenant AND o.id = d.event_id WHERE d.tenant = @tenant",
            new { tenant })).AsList();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not done within {seconds} s");
            await Task.Delay(50);
        }
    }
}

public sealed class OutboxRetentionSqliteTests(SqliteDeliveryFixture f) : OutboxRetentionTests(f), IClassFixture<SqliteDeliveryFixture>;

public sealed class OutboxRetentionPostgresTests(PostgresDeliveryFixture f) : OutboxRetentionTests(f), IClassFixture<PostgresDeliveryFixture>;
