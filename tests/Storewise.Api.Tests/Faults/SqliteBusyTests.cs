using Microsoft.Data.Sqlite;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Faults;

/// <summary>
/// SQLite lets one writer in at a time; a write that waits for another one longer than the busy timeout (as 1,000-code
/// requests eight at a time did on a saturated machine) is answered 503 with a retry hint, never 500, and nothing of
/// it is written.
/// </summary>
public sealed class SqliteBusyTests(SqliteBusyFixture fixture) : IClassFixture<SqliteBusyFixture>
{
    [Fact]
    public async Task A_write_kept_waiting_past_the_busy_timeout_is_answered_503_and_goes_through_once_the_other_writer_is_done()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var path = $"/v0/promotions/coupon/{coupon}/code";
        await using (var other = new SqliteConnection(fixture.ConnectionString))
        {
            await other.OpenAsync();
            await using var holding = other.BeginTransaction(deferred: false);
            var busy = await (await client.PostAsync(path, HttpJson.Body(new { codes = new[] { "BUSY-1", "BUSY-2" } }))).ExpectAsync(503);
            Assert.Contains("retry", (string?)busy["message"], StringComparison.Ordinal);
        }

        var created = await (await client.PostAsync(path, HttpJson.Body(new { codes = new[] { "BUSY-1", "BUSY-2" } }))).ExpectAsync(201);
        Assert.Equal(2, created["codes"]!.AsArray().Count);
    }
}

/// <summary>SQLite with a one-second busy timeout (<c>Default Timeout=1</c>), so the wait ends quickly.</summary>
public sealed class SqliteBusyFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(DataDirectory, "storewise.db")};Default Timeout=1");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}
