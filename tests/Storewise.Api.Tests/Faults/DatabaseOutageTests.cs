using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Storewise.Api.Tests.Auth;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Faults;

/// <summary>
/// Issue 9 faults: a server process whose PostgreSQL is down at start, or goes down while it runs, answers 503
/// with a clear JSON message (never 500, never a crash) and recovers by itself, without a restart, once the
/// database is back. Each test has a PostgreSQL cluster of its own to stop and start.
/// </summary>
public sealed class DatabaseOutageTests : IDisposable
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(45);
    private readonly ThrowawayPostgres _database;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "storewise-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _tenant = ApiFixture.NewTenant();

    public DatabaseOutageTests()
    {
        _database = ThrowawayPostgres.TryCreate() ?? throw new InvalidOperationException("these tests need the PostgreSQL binaries (postgresql-15)");
        Directory.CreateDirectory(_dataDirectory);
    }

    private Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "postgres",
        ["Storage:DataDirectory"] = _dataDirectory,
        ["ConnectionStrings:Storewise"] = _database.ConnectionString,
        ["Auth:SigningKey"] = ApiFixture.SigningKey,
    };

    [Fact]
    public async Task A_service_started_while_the_database_is_down_answers_503_and_recovers_by_itself()
    {
        await using var server = await ServerProcess.StartAsync(Settings, waitForDatabase: false);
        using var client = Client(server);

        await ExpectUnavailableAsync(client, "/health/ready");
        await ExpectUnavailableAsync(client, "/v0/promotions/promotion?count=1&page=1");
        await ExpectUnavailableAsync(client, "/v0/promotions/cart", """{"currency":"EUR","items":[]}""");

        _database.Start();
        await WaitUntilAsync(client, "/health/ready", 200);
        await (await client.PostAsync(new Uri(OfferBodies.PromotionsPath, UriKind.Relative), HttpJson.Body(OfferBodies.Body("after recovery").ToJsonString()))).ExpectAsync(201);
        Assert.False(server.HasExited, server.Output);
    }

    [Fact]
    public async Task A_database_lost_mid_run_gives_503_and_the_service_recovers_when_it_returns_without_losing_or_inventing_writes()
    {
        _database.Start();
        await using var server = await ServerProcess.StartAsync(Settings);
        using var client = Client(server);
        await (await client.PostAsync(new Uri(OfferBodies.PromotionsPath, UriKind.Relative), HttpJson.Body(OfferBodies.Body("before the outage").ToJsonString()))).ExpectAsync(201);

        _database.Stop();
        await ExpectUnavailableAsync(client, "/v0/promotions/promotion?count=10&page=1");
        await ExpectUnavailableAsync(client, OfferBodies.PromotionsPath, OfferBodies.Body("during the outage").ToJsonString());
        await ExpectUnavailableAsync(client, "/v0/sales_order/order_id", "");
        await ExpectUnavailableAsync(client, "/health/ready");

        _database.Start();
        await WaitUntilAsync(client, "/v0/promotions/promotion?count=10&page=1", 200);
        await (await client.PostAsync(new Uri(OfferBodies.PromotionsPath, UriKind.Relative), HttpJson.Body(OfferBodies.Body("after the outage").ToJsonString()))).ExpectAsync(201);
        var list = await (await client.GetAsync(new Uri("/v0/promotions/promotion?count=10&page=1", UriKind.Relative))).ExpectAsync(200);
        Assert.Equal(
            ["after the outage", "before the outage"],
            list["items"]!.AsArray().Select(i => (string)(i!["promotion"] ?? i)["name"]!).Order(StringComparer.Ordinal));
        await (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).ExpectAsync(200);
        Assert.False(server.HasExited, server.Output);
    }

    public void Dispose()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFactory.Create(_tenant));
        return client;
    }

    /// <summary>Asserts a 503 whose JSON body says the database is unavailable and whose headers name the request.</summary>
    private static async Task ExpectUnavailableAsync(HttpClient client, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(json is null ? HttpMethod.Get : HttpMethod.Post, url);
        if (json is not null)
        {
            request.Content = HttpJson.Body(json);
        }

        var requestId = $"outage-{Guid.NewGuid():N}";
        request.Headers.Add("x-request-id", requestId);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 503, $"{url}: expected 503, got {(int)response.StatusCode}: {text}");
        // The answer names the request, so the caller can quote it and the operator find the logged failure.
        Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("x-request-id")));
        Assert.Contains("json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        var message = (string?)JsonNode.Parse(text)!["message"];
        Assert.Contains("database", message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Polls until <paramref name="url"/> answers <paramref name="status"/>; on the way only 503 is acceptable.</summary>
    private static async Task WaitUntilAsync(HttpClient client, string url, int status)
    {
        var deadline = DateTime.UtcNow + Recovery;
        while (true)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var actual = (int)response.StatusCode;
            if (actual == status)
            {
                return;
            }

            Assert.True(actual == 503, $"{url} answered {actual} while recovering: {await response.Content.ReadAsStringAsync()}");
            Assert.True(DateTime.UtcNow < deadline, $"{url} did not recover within {Recovery.TotalSeconds} s");
            await Task.Delay(250);
        }
    }
}
