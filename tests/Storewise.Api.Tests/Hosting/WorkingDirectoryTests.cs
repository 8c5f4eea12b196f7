using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Hosting;

/// <summary>
/// Issue 18: a server started from another working directory still reads the appsettings.json beside its
/// files, so it logs one line per request (with the request id) and none of the framework's, and keeps its SQLite
/// file under the working directory's <c>./data</c> (docs/decisions/0406-content-root-and-data-directory.md).
/// </summary>
public sealed class WorkingDirectoryTests : IDisposable
{
    private const int Requests = 5;

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("storewise-cwd-").FullName;

    [Fact]
    public async Task A_server_started_elsewhere_reads_its_appsettings_and_logs_one_line_per_request()
    {
        var settings = new Dictionary<string, string?> { ["Auth:SigningKey"] = ApiFixture.SigningKey };
        // The level appsettings.json sets too: without the file, every framework line would show.
        var extra = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" };
        await using var server = await ServerProcess.StartAsync(settings, extra, workingDirectory: _workingDirectory);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var ids = Enumerable.Range(0, Requests).Select(i => $"cwd-probe-{i}").ToList();
        foreach (var id in ids)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Add("x-request-id", id);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        var lines = await LinesWithAsync(server, ids[^1]);
        foreach (var id in ids)
        {
            var line = Assert.Single(lines, l => l.Contains($"(request {id})", StringComparison.Ordinal));
            Assert.Contains("Storewise.Requests", line, StringComparison.Ordinal);
            Assert.Contains("GET /health/live answered 200", line, StringComparison.Ordinal);
        }

        // The framework's own request lines (request starting, endpoint executing, ...) are at Information.
        Assert.DoesNotContain(lines, l => l.StartsWith("info: Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_workingDirectory, "data", "storewise.db")), server.Output);
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    // Output arrives asynchronously: wait (briefly) for the last request's line.
    private static async Task<IReadOnlyList<string>> LinesWithAsync(ServerProcess server, string lastId)
    {
        for (var attempt = 0; attempt < 50 && !server.Output.Contains(lastId, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
        }

        return server.Output.Split('\n');
    }
}
