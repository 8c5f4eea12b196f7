using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Reservations;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Limits;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// Reservation and budget events reach a real local receiver (docs/events.md), and a tenant's TPPE gets every change of
/// an order's reservation with the priced cart (docs/tppe-notifications.md).
/// </summary>
public abstract class ReservationEventTests(ApiFixture fixture)
{
    // 20% of 60.00 is 12.00 per cart; the budget of 15.00 is spent by the second cart, which gets the 3.00 left.
    private const string Cart = """
        {"currency":"EUR","customerId":"cust-1","items":[{"id":"a","productId":"a","quantity":1,"price":60.00}]}
        """;

    private static async Task<string> BudgetedPromotionAsync(HttpClient client)
    {
        var body = """
            {"name":"Budgeted","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":20},
             "currencies":[{"code":"EUR","minimumCartValue":0}],"budget":{"amounts":[{"currency":"EUR","amount":15}]}}
            """;
        return (string)(await (await client.PostAsync("/v0/promotions/promotion", HttpJson.Body(body))).ExpectAsync(201))["promotion"]!["id"]!;
    }

    private static async Task<JsonNode> ReserveAsync(HttpClient client, string order, int? ttlSeconds = null) =>
        await (await client.ReserveAsync(order, Cart, ttlSeconds)).ExpectAsync(201);

    [Fact]
    public async Task Every_reservation_change_and_the_first_exhaustion_of_a_budget_are_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = fixture.Client(ApiFixture.NewTenant());
        await client.RegisterAsync(
            receiver.Url + "/events", "reservation.created", "reservation.confirmed", "reservation.released", "reservation.expired", "budget.exhausted");
        var offer = await BudgetedPromotionAsync(client);

        var first = await ReserveAsync(client, "order-1");
        var second = await ReserveAsync(client, "order-2"); // spends the rest: budget.exhausted
        await (await client.ReleaseAsync((string)second["id"]!)).ExpectAsync(204);
        await ReserveAsync(client, "order-3"); // spends it again: no second event
        await (await client.ConfirmAsync((string)first["id"]!)).ExpectAsync(200);
        var expiring = await ReserveAsync(client, "order-4", ttlSeconds: 1);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        await fixture.Services.GetRequiredService<ReservationSweeper>().SweepAsync(CancellationToken.None);
        await receiver.WaitForAsync(r => r.FirstArrivals().Count >= 8, whileWaiting: () => fixture.Clock.Advance(TimeSpan.FromSeconds(1)));
        await Task.Delay(500); // time for a wrong second budget event to arrive

        var received = receiver.Received.FirstArrivals().Select(r => r.Payload()).ToList();
        string[] expected =
        [
            "budget.exhausted", "reservation.confirmed", "reservation.created", "reservation.created", "reservation.created",
            "reservation.created", "reservation.expired", "reservation.released",
        ];
        Assert.Equal(expected, received.Select(e => (string)e["type"]!).Order(StringComparer.Ordinal));

        var created = received.First(e => (string)e["type"]! == "reservation.created" && (string)e["subjectId"]! == "order-1");
        Assert.Equal(first.ToJsonString(), created["data"]!.ToJsonString()); // the reservation as the API answered it
        var confirmed = received.Single(e => (string)e["type"]! == "reservation.confirmed")["data"]!;
        Assert.Equal(("confirmed", (string?)first["id"]), ((string?)confirmed["status"], (string?)confirmed["id"]));
        var expired = received.Single(e => (string)e["type"]! == "reservation.expired");
        Assert.Equal(((string?)expiring["id"], "order-4"), ((string?)expired["data"]!["id"], (string?)expired["subjectId"]));

        var exhausted = received.Single(e => (string)e["type"]! == "budget.exhausted");
        Assert.Equal(offer, (string?)exhausted["subjectId"]);
        var data = exhausted["data"]!;
        Assert.Equal((offer, "money", "total", "EUR", 15.00m), ((string?)data["offerId"], (string?)data["kind"], (string?)data["period"], (string?)data["currency"], (decimal)data["granted"]!));
    }

    [Fact]
    public async Task The_TPPE_gets_each_reservation_change_of_the_order_with_the_priced_cart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var tppe = new JsonObject { ["session_update_url"] = receiver.Url + "/sessions/{customerSessionId}", ["auth_token"] = "tppe-token-77" };
        await (await client.SendJsonAsync(HttpMethod.Patch, "/v0/promotions/configurations/tppe", tppe.ToJsonString())).ExpectAsync(200);
        await BudgetedPromotionAsync(client);

        var kept = await ReserveAsync(client, "order-kept");
        await (await client.ConfirmAsync((string)kept["id"]!)).ExpectAsync(200);
        var dropped = await ReserveAsync(client, "order-dropped");
        await (await client.ReleaseAsync((string)dropped["id"]!)).ExpectAsync(204);
        await receiver.WaitForAsync(r => r.FirstArrivals().Count >= 4);

        var received = receiver.Received.FirstArrivals();
        Assert.All(received, r => Assert.Equal("Bearer tppe-token-77", r.Authorization));
        Assert.Equal(
            ["reservation.created", "reservation.confirmed"],
            received.Where(r => r.Path == "/sessions/order-kept").Select(r => (string?)r.Payload()["type"]));
        Assert.Equal(
            ["reservation.created", "reservation.released"],
            received.Where(r => r.Path == "/sessions/order-dropped").Select(r => (string?)r.Payload()["type"]));
        var confirmedCart = received.Single(r => (string?)r.Payload()["type"] == "reservation.confirmed").Payload()["data"]!["cart"]!;
        Assert.Equal(12.00m, (decimal)confirmedCart["discountTotal"]!);
        Assert.Equal(48.00m, (decimal)confirmedCart["total"]!);
    }
}

public sealed class ReservationEventSqliteTests(SqliteDeliveryFixture f) : ReservationEventTests(f), IClassFixture<SqliteDeliveryFixture>;

public sealed class ReservationEventPostgresTests(PostgresDeliveryFixture f) : ReservationEventTests(f), IClassFixture<PostgresDeliveryFixture>;
