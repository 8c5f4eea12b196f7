using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Hostile;

/// <summary>A service whose per-tenant limit is 1 request per second with a burst of 3.</summary>
public sealed class SmallRateLimitFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimit:PermitsPerSecond"] = "1",
        ["RateLimit:Burst"] = "3",
    };

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={Path.Combine(DataDirectory, "storewise.db")}");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

/// <summary>
/// Per-tenant rate limiting (issue 9): over the limit a tenant gets 429 with Retry-After and a JSON error, and
/// other tenants are not slowed down. The limiter is in memory, so one provider is enough.
/// </summary>
public sealed class RateLimitTests(SmallRateLimitFixture fixture) : IClassFixture<SmallRateLimitFixture>
{
    private const string List = "/v0/promotions/promotion?count=1&page=1";

    [Fact]
    public async Task A_tenant_over_its_limit_gets_429_with_retry_after_and_other_tenants_are_unaffected()
    {
        using var busy = fixture.Client(ApiFixture.NewTenant());
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await busy.GetAsync(new Uri(List, UriKind.Relative)));
        }

        var limited = answers.Where(a => (int)a.StatusCode == 429).ToList();
        Assert.NotEmpty(limited);
        Assert.True(answers.Count(a => (int)a.StatusCode == 200) <= 4, "the burst is 3 (plus at most one refill)");
        foreach (var answer in limited)
        {
            Assert.True(answer.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After in seconds");
            var body = await answer.ExpectAsync(429);
            Assert.Equal("rate_limited", (string?)body["code"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]));
        }

        using var other = fixture.Client(ApiFixture.NewTenant());
        await (await other.GetAsync(new Uri(List, UriKind.Relative))).ExpectAsync(200);
        await (await other.GetAsync(new Uri(List, UriKind.Relative))).ExpectAsync(200);

        await Task.Delay(TimeSpan.FromSeconds(2));
        await (await busy.GetAsync(new Uri(List, UriKind.Relative))).ExpectAsync(200);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
