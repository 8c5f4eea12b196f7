using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

// Fires reservation + confirmation pairs at a running Storewise for a fixed time with fixed concurrency and prints
// pairs per second and latency percentiles of each call. Usage:
// ReservationLoad <baseUrl> <token> [seconds] [concurrency] [warmupSeconds] [serverPid] [databasePid]
// A warm-up of unmeasured pairs goes first, so the first case is not timed while the server still compiles its code.
// With the pids (the server's, PostgreSQL's postmaster) it also prints the CPU each pair cost the server, the
// database (the postmaster and its backends) and this client.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ReservationLoad <baseUrl> <token> [seconds=20] [concurrency=8] [warmupSeconds=10] [serverPid] [databasePid]");
    return 2;
}

var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
var concurrency = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 8;
var warmupSeconds = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 10;
int? serverPid = args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : null;
int? databasePid = args.Length > 6 ? int.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture) : null;
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = new Uri(args[0]) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[1]);
var run = Guid.NewGuid().ToString("N")[..8];

// Distinct offers: one product-level promotion with a count limit per product, so each cart meets its own counter.
const int distinctOffers = 64;
for (var i = 0; i < distinctOffers; i++)
{
    await CreatePromotionAsync(
        $"{run} distinct {i}",
        $$"""{"kind":"ProductLevelPercentage","discount":10,"includedProducts":["p{{run}}-{{i}}"]}""",
        "\"limits\":{\"maxRedemptions\":100000000}");
}

// One hot money budget that every cart of the second run spends from.
await CreatePromotionAsync(
    $"{run} hot budget",
    $$"""{"kind":"ProductLevelPercentage","discount":10,"includedProducts":["hot{{run}}"]}""",
    "\"budget\":{\"amounts\":[{\"currency\":\"EUR\",\"amount\":100000000}],\"period\":\"day\"},\"timeZone\":\"America/New_York\"");

if (warmupSeconds > 0)
{
    await MeasureAsync("warm-up", i => i % 2 == 0 ? $"p{run}-{i % distinctOffers}" : $"hot{run}", warmupSeconds, report: false);
}

await MeasureAsync("distinct offers", i => $"p{run}-{i % distinctOffers}", seconds);
await MeasureAsync("one hot money budget", _ => $"hot{run}", seconds);
return 0;

async Task CreatePromotionAsync(string name, string category, string usage)
{
    var body = $$"""
        {"name":"{{name}}","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{{category}},
         "currencies":[{"code":"EUR","minimumCartValue":0}],{{usage}}}
        """;
    using var created = await http.PostAsync("/v0/promotions/promotion", new StringContent(body, Encoding.UTF8, "application/json"));
    created.EnsureSuccessStatusCode();
}

async Task MeasureAsync(string name, Func<int, string> productFor, int forSeconds, bool report = true)
{
    var cpuBefore = CpuUse.Read(serverPid, databasePid);
    var next = -1;
    var failures = 0;
    var unheld = 0;
    var reserveLatencies = new List<double>[concurrency];
    var confirmLatencies = new List<double>[concurrency];
    var stopAt = Stopwatch.GetTimestamp() + (long)(forSeconds * Stopwatch.Frequency);
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
    {
        var reserves = reserveLatencies[w] = [];
        var confirms = confirmLatencies[w] = [];
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var i = Interlocked.Increment(ref next);
            var body = $$"""
                {"cart":{"currency":"EUR","customerId":"c{{i % 1000}}","items":[{"id":"a","productId":"{{productFor(i)}}","quantity":1,"price":50}]},
                 "orderId":"{{name[0]}}{{run}}-{{i}}"}
                """;
            var sent = Stopwatch.GetTimestamp();
            using var reserved = await http.PostAsync("/v0/promotions/reservations", new StringContent(body, Encoding.UTF8, "application/json"));
            reserves.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (!reserved.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
                continue;
            }

            var answer = JsonNode.Parse(await reserved.Content.ReadAsStringAsync())!;
            if ((decimal)answer["cart"]!["discountTotal"]! != 5.00m)
            {
                Interlocked.Increment(ref unheld);
            }

            sent = Stopwatch.GetTimestamp();
            using var confirmed = await http.PostAsync($"/v0/promotions/reservations/{(string)answer["id"]!}/confirm", null);
            confirms.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (!confirmed.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var cpu = CpuUse.Read(serverPid, databasePid) - cpuBefore;
    if (!report)
    {
        return;
    }

    var reserveAll = reserveLatencies.SelectMany(l => l).Order().ToArray();
    var confirmAll = confirmLatencies.SelectMany(l => l).Order().ToArray();
    static double Percentile(double[] all, double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
    Console.WriteLine(
        $"{name,-22} concurrency={concurrency} pairs={confirmAll.Length} failures={failures} without-discount={unheld} rate={confirmAll.Length / elapsed:0} pairs/s " +
        $"reserve p50={Percentile(reserveAll, 0.50):0.0}ms p99={Percentile(reserveAll, 0.99):0.0}ms " +
        $"confirm p50={Percentile(confirmAll, 0.50):0.0}ms p99={Percentile(confirmAll, 0.99):0.0}ms");
    if (confirmAll.Length > 0)
    {
        Console.WriteLine(
            $"{"",-22} CPU per pair: server {cpu.Server.TotalMilliseconds / confirmAll.Length:0.00} ms, " +
            $"database {(databasePid is null ? "n/a" : $"{cpu.Database.TotalMilliseconds / confirmAll.Length:0.00} ms")}, " +
            $"client {cpu.Client.TotalMilliseconds / confirmAll.Length:0.00} ms");
    }
}
