using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

// Fires redemptions at a running Storewise for a fixed time with fixed concurrency and prints throughput and
// latency percentiles. Usage: RedemptionLoad <baseUrl> <token> <couponSingleUse> <couponMultiUse> [seconds] [concurrency]
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: RedemptionLoad <baseUrl> <token> <singleUseCouponId> <multiUseCouponId> [seconds=20] [concurrency=32]");
    return 2;
}

var baseUrl = new Uri(args[0]);
var seconds = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 20;
var concurrency = args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 32;
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = baseUrl };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[1]);
var run = Guid.NewGuid().ToString("N")[..8];

// Distinct single-use codes: enough for the run at well over the goal rate.
const int distinctCodes = 60_000;
for (var start = 0; start < distinctCodes; start += 1000)
{
    var codes = Enumerable.Range(start, 1000).Select(i => $"\"D{run}-{i}\"");
    using var created = await http.PostAsync(
        $"/v0/promotions/coupon/{args[2]}/code", new StringContent($"{{\"codes\":[{string.Join(',', codes)}]}}", Encoding.UTF8, "application/json"));
    created.EnsureSuccessStatusCode();
}

using (var hot = await http.PostAsync(
    $"/v0/promotions/coupon/{args[3]}/code", new StringContent($"{{\"codes\":[\"HOT{run}\"]}}", Encoding.UTF8, "application/json")))
{
    hot.EnsureSuccessStatusCode();
}

await MeasureAsync("distinct single-use codes", i => $"D{run}-{i}");
await MeasureAsync("one hot multi-use code", _ => $"HOT{run}");
return 0;

async Task MeasureAsync(string name, Func<int, string> codeFor)
{
    var next = -1;
    var failures = 0;
    var latencies = new List<double>[concurrency];
    var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
    {
        var mine = latencies[w] = [];
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var i = Interlocked.Increment(ref next);
            if (i >= distinctCodes)
            {
                return;
            }

            var body = $"{{\"codes\":[\"{codeFor(i)}\"],\"consumerId\":\"c\",\"channelType\":\"store\",\"catalogTotal\":100,\"currency\":\"EUR\",\"orderId\":\"{name[0]}{run}-{i}\"}}";
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync("/v0/promotions/redemption", new StringContent(body, Encoding.UTF8, "application/json"));
            mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
    Console.WriteLine(
        $"{name,-26} concurrency={concurrency} requests={all.Length} failures={failures} rate={all.Length / elapsed:0}/s " +
        $"p50={Percentile(0.50):0.0}ms p99={Percentile(0.99):0.0}ms");
}
