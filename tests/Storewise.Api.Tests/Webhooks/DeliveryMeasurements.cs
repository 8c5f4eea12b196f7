using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Storewise.Api.Common;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;
using Storewise.Api.Tests.Redemptions;
using Xunit.Abstractions;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>
/// The delivery figures of docs/performance.md, against server processes on PostgreSQL (real clock) and a local
/// receiver: how fast a backlog drains, the delay from commit to delivery at a steady rate, and a redemption's
/// latency with and without an endpoint subscribed to it.
/// </summary>
public sealed class DeliveryMeasurements(PostgresApiFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresApiFixture>
{
    private const int BurstEvents = 5000;
    private const int SteadyEvents = 500;
    private const int Redemptions = 1000;

    [MeasuredFact]
    public async Task Events_per_second_and_commit_to_delivery_delay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = ApiFixture.NewTenant();

        // Backlog: 5 requests of 1,000 codes commit 5,000 code.created events on a server that does not deliver.
        await using (var writer = await ServerProcess.StartAsync(fixture.Settings(), Settings(workerEnabled: false)))
        {
            using var client = writer.Client(fixture.Token(tenant));
            await client.RegisterAsync(receiver.Url + "/events", "code.created", "promotion.created");
            var coupon = (string)(await client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body("measured")))["coupon"]!["id"]!;
            var started = Stopwatch.GetTimestamp();
            for (var batch = 0; batch < BurstEvents / 1000; batch++)
            {
                await client.CreateCodesAsync(coupon, [.. Enumerable.Range(0, 1000).Select(i => $"M{batch}-{i}")]);
            }

            output.WriteLine(FormattableString.Invariant($"backlog: {BurstEvents} events committed in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s (5 requests of 1,000 codes)"));
        }

        await using var server = await ServerProcess.StartAsync(fixture.Settings(), Settings(workerEnabled: true));
        var ready = DateTimeOffset.UtcNow;
        using var api = server.Client(fixture.Token(tenant));
        await receiver.WaitForAsync(r => r.FirstArrivals().Count >= BurstEvents, seconds: 120);
        var arrived = receiver.Received.ToList().FirstArrivals().Select(r => r.ArrivedAt).Order().ToList();
        output.WriteLine(FormattableString.Invariant(
            $"drain: {BurstEvents} events delivered {(arrived[^1] - ready).TotalSeconds:0.00} s after the server was up; first to last arrival {(arrived[^1] - arrived[0]).TotalSeconds:0.00} s: {BurstEvents / (arrived[^1] - arrived[0]).TotalSeconds:0} events/s"));

        // Steady: one promotion every 20 ms; the delay is the receiver's arrival time minus the event's commit time.
        var arrivals = new List<double>();
        var seen = receiver.Received.Count;
        for (var i = 0; i < SteadyEvents; i++)
        {
            await api.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body($"steady {i}"));
            await Task.Delay(20);
        }

        await receiver.WaitForAsync(r => r.Skip(seen).Select(x => x.Id).Distinct().Count() >= SteadyEvents, seconds: 60);
        foreach (var received in receiver.Received.Skip(seen).FirstArrivals())
        {
            var committedAt = DateTimeOffset.Parse((string)received.Payload()["timestamp"]!, CultureInfo.InvariantCulture);
            arrivals.Add((received.ArrivedAt - committedAt).TotalMilliseconds);
        }

        output.WriteLine($"steady: {arrivals.Count} events at ~40/s, commit to delivery {Percentiles(arrivals)}");

        // Redemption latency: no endpoint subscribed to redemptions, then one subscribed, then none again.
        var redeemable = await RedeemableCouponAsync(api);
        for (var block = 0; block < 3; block++)
        {
            await api.CreateCodesAsync(redeemable, [.. Enumerable.Range(block * Redemptions, Redemptions).Select(i => $"R{i}")]);
        }

        output.WriteLine($"redemptions, none subscribed: {Percentiles(await RedeemAsync(api, 0))}");
        var (subscribed, _) = await api.RegisterAsync(receiver.Url + "/redemptions", "redemption.created");
        output.WriteLine($"redemptions, one endpoint subscribed: {Percentiles(await RedeemAsync(api, Redemptions))}");
        (await api.DeleteAsync(new Uri($"{WebhookApi.Path}/{subscribed}", UriKind.Relative))).Dispose();
        output.WriteLine($"redemptions, none subscribed again: {Percentiles(await RedeemAsync(api, 2 * Redemptions))}");

        output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        await using (var c = await fixture.Database.OpenAsync())
        {
            foreach (var row in await Dapper.SqlMapper.QueryAsync<(string Endpoint, long Attempts, string? Error, long N)>(c, "SELECT endpoint_id, attempts, last_error, count(*) FROM webhook_deliveries WHERE tenant = @tenant GROUP BY endpoint_id, attempts, last_error", new { tenant }))
            {
                output.WriteLine($"deliveries to {row.Endpoint} with {row.Attempts} attempt(s), last error {row.Error ?? "none"}: {row.N}");
            }
        }
    }

    private static Dictionary<string, string> Settings(bool workerEnabled) => new()
    {
        ["Webhooks:WorkerEnabled"] = workerEnabled ? "true" : "false",
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Logging:LogLevel:Storewise.Requests"] = "Warning",
    };

    private static async Task<string> RedeemableCouponAsync(HttpClient client)
    {
        var body = new JsonObject
        {
            ["name"] = "redeemed",
            ["active"] = true,
            ["validFrom"] = Timestamps.Rfc3339(DateTimeOffset.UtcNow.AddDays(-1)),
            ["category"] = new JsonObject { ["kind"] = "CartLevelPercentage", ["discount"] = 10 },
            ["currencies"] = new JsonArray(new JsonObject { ["code"] = "EUR", ["minimumCartValue"] = 0 }),
            ["singleUse"] = true,
        };
        return (string)(await client.CreateAsync(OfferBodies.CouponsPath, body))["coupon"]!["id"]!;
    }

    // Redeems codes R{first}..R{first + Redemptions - 1}, four at a time; each request's latency in ms.
    private static async Task<List<double>> RedeemAsync(HttpClient client, int first)
    {
        var latencies = new List<double>();
        for (var i = 0; i < Redemptions; i += 4)
        {
            latencies.AddRange(await Task.WhenAll(Enumerable.Range(first + i, 4).Select(async n =>
            {
                var started = Stopwatch.GetTimestamp();
                await (await client.RedeemAsync($"order-{n}", $"R{n}")).ExpectAsync(200);
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            })));
        }

        return latencies;
    }

    private static string Percentiles(List<double> values)
    {
        values.Sort();
        return FormattableString.Invariant(
            $"p50 {values[values.Count / 2]:0.0} ms, p99 {values[(int)(values.Count * 0.99)]:0.0} ms, max {values[^1]:0.0} ms ({values.Count})");
    }
}
