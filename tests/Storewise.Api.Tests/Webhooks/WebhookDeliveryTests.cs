using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// Events reach a real local receiver (docs/events.md): signed so a receiver can verify them, in commit order per
/// subject also after the receiver was down, retried, logged per endpoint and sent again on request.
/// </summary>
public abstract class WebhookDeliveryTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_change_is_delivered_signed_and_a_tampered_copy_fails_verification()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = fixture.Client(ApiFixture.NewTenant());
        var (_, secret) = await client.RegisterAsync(receiver.Url + "/events", "promotion.created", "promotion.updated");

        var id = await client.PromotionWithUpdatesAsync("signed", updates: 1);
        await receiver.WaitForAsync(r => r.Count >= 2);

        var received = receiver.Received.ToList();
        Assert.Equal(["promotion.created", "promotion.updated"], received.Select(r => (string)r.Payload()["type"]!));
        Assert.All(received, r =>
        {
            Assert.True(ReceiverVerification.IsAuthentic(secret, r), $"signature {r.Signature} does not verify");
            Assert.Equal(r.Id, (string)r.Payload()["id"]!);
            Assert.Equal(id, (string)r.Payload()["subjectId"]!);
            Assert.Equal(id, (string)r.Payload()["data"]!["id"]!);
        });
        Assert.Equal("signed v1", (string)received[1].Payload()["data"]!["name"]!);

        var tampered = received[1] with { Body = received[1].Body.Replace("signed v1", "signed v9", StringComparison.Ordinal) };
        Assert.False(ReceiverVerification.IsAuthentic(secret, tampered));
        Assert.False(ReceiverVerification.IsAuthentic(secret, received[1] with { Id = received[0].Id }));
        Assert.False(ReceiverVerification.IsAuthentic(secret.Replace(secret[^4..], "AAA=", StringComparison.Ordinal), received[1]));
    }

    [Fact]
    public async Task A_receiver_that_was_down_gets_every_event_in_order_per_subject_when_it_is_back()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        using var client = fixture.Client(ApiFixture.NewTenant());
        var (webhookId, _) = await client.RegisterAsync(receiver.Url + "/events", "*");
        var names = new[] { "alpha", "beta", "gamma" };
        var ids = new List<string>();
        foreach (var name in names)
        {
            ids.Add(await client.PromotionWithUpdatesAsync(name, updates: 3));
        }

        // While down, attempts fail and are scheduled again (the fake clock moves the schedule along).
        await WaitUntilAsync(async () =>
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            var log = await (await client.GetAsync(new Uri($"{WebhookApi.Path}/{webhookId}/deliveries", UriKind.Relative))).ExpectAsync(200);
            return log["items"]!.AsArray().Any(d => (int)d!["attempts"]! >= 2 && (int?)d["lastStatusCode"] == 503);
        });

        receiver.Down = false;
        await receiver.WaitForAsync(r => r.FirstArrivals().Count >= 12, whileWaiting: () => fixture.Clock.Advance(TimeSpan.FromSeconds(1)));

        var arrivals = receiver.Received.ToList().FirstArrivals();
        for (var i = 0; i < names.Length; i++)
        {
            var subject = arrivals.Where(r => (string)r.Payload()["subjectId"]! == ids[i]).Select(r => (string)r.Payload()["data"]!["name"]!).ToList();
            Assert.Equal([$"{names[i]} v0", $"{names[i]} v1", $"{names[i]} v2", $"{names[i]} v3"], subject);
        }

        // The receiver records a request before it answers, so the log may trail it for a moment.
        await WaitUntilAsync(async () =>
        {
            var log = await (await client.GetAsync(new Uri($"{WebhookApi.Path}/{webhookId}/deliveries", UriKind.Relative))).ExpectAsync(200);
            return log["items"]!.AsArray().Count == 12 && log["items"]!.AsArray().All(d => (string)d!["status"]! == "delivered");
        });
    }

    [Fact]
    public async Task A_redelivery_sends_the_same_event_again_with_the_same_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = fixture.Client(ApiFixture.NewTenant());
        var (webhookId, secret) = await client.RegisterAsync(receiver.Url + "/events", "coupon.created");
        await client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body("redelivered"));
        await receiver.WaitForAsync(r => r.Count == 1);

        // The receiver has the request before the worker records its answer: wait for the log to say so.
        JsonNode delivery;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            var log = await (await client.GetAsync(new Uri($"{WebhookApi.Path}/{webhookId}/deliveries", UriKind.Relative))).ExpectAsync(200);
            delivery = log["items"]![0]!;
        }
        while ((string)delivery["status"]! != "delivered" && waited.Elapsed < TimeSpan.FromSeconds(10) && await Delay());

        Assert.Equal("delivered", (string)delivery["status"]!);
        Assert.Equal(204, (int)delivery["lastStatusCode"]!);
        var again = await (await client.PostAsync($"{WebhookApi.Path}/{webhookId}/deliveries/{(string)delivery["id"]!}/redeliver", null)).ExpectAsync(202);
        Assert.Equal("pending", (string)again["status"]!);

        await receiver.WaitForAsync(r => r.Count == 2);
        var both = receiver.Received.ToList();
        Assert.Equal(both[0].Id, both[1].Id);
        Assert.Equal(both[0].Body, both[1].Body);
        Assert.True(ReceiverVerification.IsAuthentic(secret, both[1]));
    }

    [Fact]
    public async Task An_endpoint_failing_for_a_day_is_disabled_and_an_event_says_so()
    {
        await using var failing = await WebhookReceiver.StartAsync();
        failing.Answer = 500;
        await using var watcher = await WebhookReceiver.StartAsync();
        using var client = fixture.Client(ApiFixture.NewTenant());
        var (failingId, _) = await client.RegisterAsync(failing.Url + "/events", "promotion.created");
        await client.RegisterAsync(watcher.Url + "/events", "webhook_endpoint.disabled");

        await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("never accepted"));
        await WaitUntilAsync(async () =>
        {
            var log = await (await client.GetAsync(new Uri($"{WebhookApi.Path}/{failingId}/deliveries", UriKind.Relative))).ExpectAsync(200);
            return log["items"]!.AsArray().Any(d => (int)d!["attempts"]! >= 1);
        });
        Assert.NotEmpty(failing.Received);
        fixture.Clock.Advance(TimeSpan.FromHours(25));
        await watcher.WaitForAsync(r => r.Count >= 1, whileWaiting: () => fixture.Clock.Advance(TimeSpan.FromSeconds(1)));

        var disabled = watcher.Received.First().Payload();
        Assert.Equal("webhook_endpoint.disabled", (string)disabled["type"]!);
        Assert.Equal(failingId, (string)disabled["data"]!["id"]!);
        var endpoint = await (await client.GetAsync(new Uri($"{WebhookApi.Path}/{failingId}", UriKind.Relative))).ExpectAsync(200);
        Assert.False((bool)endpoint["enabled"]!);
        Assert.NotNull((string?)endpoint["disabledReason"]);
        Assert.DoesNotContain("secret", endpoint.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Endpoints_are_listed_changed_and_deleted_and_bad_bodies_name_the_field()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var (id, secret) = await client.RegisterAsync("https://pos.example.com/hook", "code.created");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var list = await (await client.GetAsync(new Uri(WebhookApi.Path, UriKind.Relative))).ExpectAsync(200);
        Assert.Equal(id, (string)list["items"]![0]!["id"]!);
        Assert.DoesNotContain(secret, list.ToJsonString(), StringComparison.Ordinal);

        var patched = await (await client.SendJsonAsync(HttpMethod.Patch, $"{WebhookApi.Path}/{id}", """{"eventTypes":["*"],"enabled":false}""")).ExpectAsync(200);
        Assert.Equal(["*"], patched["eventTypes"]!.AsArray().Select(t => (string)t!));
        Assert.False((bool)patched["enabled"]!);

        var unknownType = await (await client.SendJsonAsync(HttpMethod.Post, WebhookApi.Path, """{"url":"https://x.example.com","eventTypes":["nope"]}""")).ExpectAsync(400);
        Assert.StartsWith("eventTypes:", (string)unknownType["message"]!, StringComparison.Ordinal);
        var ftp = await (await client.SendJsonAsync(HttpMethod.Post, WebhookApi.Path, """{"url":"ftp://x.example.com"}""")).ExpectAsync(400);
        Assert.StartsWith("url:", (string)ftp["message"]!, StringComparison.Ordinal);

        (await client.DeleteAsync(new Uri($"{WebhookApi.Path}/{id}", UriKind.Relative))).Dispose();
        await (await client.GetAsync(new Uri($"{WebhookApi.Path}/{id}", UriKind.Relative))).ExpectAsync(404);
        await (await fixture.Client(ApiFixture.NewTenant()).GetAsync(new Uri($"{WebhookApi.Path}/{id}", UriKind.Relative))).ExpectAsync(404);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not done within {seconds} s");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(20);
        return true;
    }
}

public sealed class WebhookDeliverySqliteTests(SqliteDeliveryFixture f) : WebhookDeliveryTests(f), IClassFixture<SqliteDeliveryFixture>;

public sealed class WebhookDeliveryPostgresTests(PostgresDeliveryFixture f) : WebhookDeliveryTests(f), IClassFixture<PostgresDeliveryFixture>;
