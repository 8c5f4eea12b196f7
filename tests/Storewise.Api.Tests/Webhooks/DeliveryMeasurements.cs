using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;
using Xunit.Abstractions;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// The delivery figures of docs/performance.md, against a server process on PostgreSQL (real clock) and a local
/// receiver: events delivered per second from a burst, and the delay from commit to delivery at a steady rate.
/// </summary>
public sealed class DeliveryMeasurements(PostgresApiFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresApiFixture>
{
    private const int BurstEvents = 5000;
    private const int SteadyEvents = 500;

    [MeasuredFact]
    public async Task Events_per_second_and_commit_to_delivery_delay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Webhooks:WorkerEnabled"] = "true",
            ["Webhooks:AllowHttp"] = "true",
            ["Webhooks:AllowPrivateNetworks"] = "true",
            ["Logging:LogLevel:Storewise.Requests"] = "Warning",
        };
        var tenant = ApiFixture.NewTenant();
        await using var server = await ServerProcess.StartAsync(fixture.Settings(), settings);
        using var client = server.Client(fixture.Token(tenant));
        await client.RegisterAsync(receiver.Url + "/events", "code.created", "promotion.created");
        var coupon = (string)(await client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body("measured")))["coupon"]!["id"]!;

        // Burst: 5 requests of 1,000 codes commit 5,000 code.created events within a second or two.
        var started = Stopwatch.GetTimestamp();
        for (var batch = 0; batch < BurstEvents / 1000; batch++)
        {
            var codes = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)$"M{batch}-{i}")]);
            await (await client.SendJsonAsync(HttpMethod.Post, $"/v0/promotions/coupon/{coupon}/code", new JsonObject { ["codes"] = codes }.ToJsonString())).ExpectAsync(201);
        }

        var committed = Stopwatch.GetElapsedTime(started);
        await receiver.WaitForAsync(r => r.FirstArrivals().Count >= BurstEvents, seconds: 120);
        var burst = Stopwatch.GetElapsedTime(started);
        var arrived = receiver.Received.ToList().FirstArrivals().Select(r => r.ArrivedAt).Order().ToList();
        var deliverySpan = (arrived[^1] - arrived[0]).TotalSeconds;
        output.WriteLine(FormattableString.Invariant(
            $"burst: {BurstEvents} events committed in {committed.TotalSeconds:0.00} s, all delivered after {burst.TotalSeconds:0.00} s; first to last arrival {deliverySpan:0.00} s: {BurstEvents / deliverySpan:0} events/s"));

        // Steady: one promotion every 20 ms; the delay is the receiver's arrival time minus the event's commit time.
        var arrivals = new List<double>();
        var seen = receiver.Received.Count;
        for (var i = 0; i < SteadyEvents; i++)
        {
            await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body($"steady {i}"));
            await Task.Delay(20);
        }

        await receiver.WaitForAsync(r => r.Skip(seen).Select(x => x.Id).Distinct().Count() >= SteadyEvents, seconds: 60);
        foreach (var received in receiver.Received.Skip(seen).FirstArrivals())
        {
            var committedAt = DateTimeOffset.Parse((string)received.Payload()["timestamp"]!, CultureInfo.InvariantCulture);
            arrivals.Add((received.ArrivedAt - committedAt).TotalMilliseconds);
        }

        arrivals.Sort();
        output.WriteLine(FormattableString.Invariant(
            $"steady: {arrivals.Count} events at ~40/s, commit to delivery p50 {arrivals[arrivals.Count / 2]:0.0} ms, p99 {arrivals[(int)(arrivals.Count * 0.99)]:0.0} ms, max {arrivals[^1]:0.0} ms"));
        output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        await using (var c = await fixture.Database.OpenAsync())
        {
            foreach (var row in await Dapper.SqlMapper.QueryAsync<(long Attempts, string? Error, long N)>(c, "SELECT attempts, last_error, count(*) FROM webhook_deliveries WHERE tenant = @tenant GROUP BY attempts, last_error", new { tenant }))
            {
                output.WriteLine($"deliveries with {row.Attempts} attempt(s), last error {row.Error ?? "none"}: {row.N}");
            }
        }
    }
}
