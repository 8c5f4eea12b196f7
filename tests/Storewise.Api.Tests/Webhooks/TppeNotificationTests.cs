using System.Text.Json.Nodes;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// With a TPPE configuration, redemptions and their rollback are sent to the session update URL with the order id in
/// place of <c>{customerSessionId}</c> and the auth token as Bearer (docs/tppe-notifications.md).
/// </summary>
public abstract class TppeNotificationTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_redemption_and_its_rollback_are_sent_to_the_session_update_url()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var tppe = new JsonObject { ["session_update_url"] = receiver.Url + "/sessions/{customerSessionId}", ["auth_token"] = "tppe-token-41" };
        await (await client.SendJsonAsync(HttpMethod.Patch, "/v0/promotions/configurations/tppe", tppe.ToJsonString())).ExpectAsync(200);
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        await client.CreateCodesAsync(coupon, "TPPE1");

        var redemption = new JsonObject
        {
            ["codes"] = new JsonArray("TPPE1"),
            ["orderId"] = "order-77",
            ["consumerId"] = "c1",
            ["channelType"] = "store",
            ["catalogTotal"] = 80,
            ["currency"] = "EUR",
        };
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/redemption", redemption.ToJsonString())).ExpectAsync(200);
        (await client.DeleteAsync(new Uri("/v0/promotions/redemption/order-77", UriKind.Relative))).Dispose();
        await receiver.WaitForAsync(r => r.Count >= 2);

        var received = receiver.Received.ToList();
        Assert.Equal(["redemption.created", "redemption.rolled_back"], received.Select(r => (string)r.Payload()["type"]!));
        Assert.All(received, r =>
        {
            Assert.Equal("/sessions/order-77", r.Path);
            Assert.Equal("Bearer tppe-token-41", r.Authorization);
            Assert.Equal("order-77", (string)r.Payload()["subjectId"]!);
        });
        Assert.Equal("TPPE1", (string)received[0].Payload()["data"]!["redemptions"]![0]!["code"]!);
        Assert.Equal(1, (int)received[1].Payload()["data"]!["rolledBack"]!);
    }
}

public sealed class TppeNotificationSqliteTests(SqliteDeliveryFixture f) : TppeNotificationTests(f), IClassFixture<SqliteDeliveryFixture>;

public sealed class TppeNotificationPostgresTests(PostgresDeliveryFixture f) : TppeNotificationTests(f), IClassFixture<PostgresDeliveryFixture>;
