using System.Text.RegularExpressions;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Hosting;

/// <summary>
/// The request line is written in batches (docs/decisions/0529-request-line-writer.md): each request still gives
/// exactly one line with method, path, status, elapsed time, trace and request id, and the lines of requests answered
/// just before an orderly stop are all written.
/// </summary>
public sealed partial class RequestLineShutdownTests
{
    private const int Requests = 40;

    [Fact]
    public async Task Every_request_line_is_written_once_even_when_the_server_stops_right_after()
    {
        var settings = new Dictionary<string, string?> { ["Auth:SigningKey"] = ApiFixture.SigningKey };
        var extra = new Dictionary<string, string> { ["Logging:LogLevel:Storewise.Requests"] = "Information" };
        await using var server = await ServerProcess.StartAsync(settings, extra);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var ids = Enumerable.Range(0, Requests).Select(i => $"stop-probe-{i}").ToList();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, cancel) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, id.EndsWith('7') ? "/health/missing" : "/health/live");
            request.Headers.Add("x-request-id", id);
            using var response = await client.SendAsync(request, cancel);
            statuses[id] = (int)response.StatusCode;
        });

        await server.StopAsync(TimeSpan.FromSeconds(30));

        var lines = server.Output.Split('\n');
        foreach (var id in ids)
        {
            var line = Assert.Single(lines, l => l.Contains($"(request {id})", StringComparison.Ordinal));
            var match = AnsweredLine().Match(line);
            Assert.True(match.Success, line);
            Assert.Equal(id.EndsWith('7') ? "/health/missing" : "/health/live", match.Groups["path"].Value);
            Assert.Equal(statuses[id].ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["status"].Value);
        }
    }

    [GeneratedRegex(@"^info: Storewise\.Requests\[\d+\] GET (?<path>\S+) answered (?<status>\d{3}) in \d+\.\d ms, trace (?<trace>[0-9a-f]{32}) \(request (?<id>[^)]+)\)\r?$")]
    private static partial Regex AnsweredLine();
}
