using Dapper;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Imports;

/// <summary>docs/spec.md §D9: an import survives its server being killed (kill -9) and never half-creates or double-creates a code.</summary>
public abstract class ImportRestartTests(ApiFixture fixture)
{
    private static readonly Dictionary<string, string> SlowImports = new()
    {
        ["Imports:WorkerEnabled"] = "true",
        ["Imports:BatchSize"] = "500",
        ["Imports:PauseBetweenBatchesMilliseconds"] = "100",
        ["Imports:LeaseSeconds"] = "2",
        ["Imports:PollMilliseconds"] = "200",
    };

    [Fact]
    public async Task Killing_the_server_mid_import_and_restarting_it_completes_the_import_with_every_code_created_once()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        // 20,000 rows: 19,700 distinct valid codes, 200 invalid rows, 100 repeats of earlier codes.
        var rows = Enumerable.Range(0, 19_700).Select(i => $"K{i}")
            .Concat(Enumerable.Range(0, 200).Select(i => $"bad {i}"))
            .Concat(Enumerable.Range(0, 100).Select(i => $"k{i * 7}"))
            .ToList();
        string importId;
        long processedAtKill;
        await using (var first = await ServerProcess.StartAsync(fixture.Settings(), SlowImports))
        {
            using var client = first.Client(fixture.Token(tenant));
            importId = await client.ImportAsync(coupon, string.Join("\r\n", rows));
            processedAtKill = await WaitForProgressAsync(tenant, importId);
            first.Kill();
        }

        Assert.InRange(processedAtKill, 1, 19_999);
        await using var second = await ServerProcess.StartAsync(fixture.Settings(), SlowImports);
        using var again = second.Client(fixture.Token(tenant));
        var import = await again.WaitUntilEndedAsync(coupon, importId, TimeSpan.FromSeconds(45));

        Assert.Equal("COMPLETED", (string?)import["status"]);
        Assert.Equal(20_000, (int?)import["processed"]);
        Assert.Equal(19_700, (int?)import["created"]);
        Assert.Equal(300, (int?)import["errors"]);
        await using var connection = await fixture.Database.OpenAsync();
        var stored = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM coupon_codes WHERE tenant = @tenant AND coupon_id = @coupon", new { tenant, coupon });
        var reported = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM code_import_errors WHERE tenant = @tenant AND import_id = @importId", new { tenant, importId });
        Assert.Equal(19_700, stored);
        Assert.Equal(300, reported);
    }

    /// <summary>Waits until the import has committed some batches (and not all), and returns its processed count.</summary>
    private async Task<long> WaitForProgressAsync(string tenant, string importId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var connection = await fixture.Database.OpenAsync();
        while (DateTime.UtcNow < deadline)
        {
            var processed = await connection.ExecuteScalarAsync<long>(
                "SELECT processed FROM code_imports WHERE tenant = @tenant AND id = @importId", new { tenant, importId });
            if (processed > 0)
            {
                return processed;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the import made no progress");
    }
}

public sealed class ImportRestartSqliteTests(WorkerlessSqliteFixture f) : ImportRestartTests(f), IClassFixture<WorkerlessSqliteFixture>;

public sealed class ImportRestartPostgresTests(WorkerlessPostgresFixture f) : ImportRestartTests(f), IClassFixture<WorkerlessPostgresFixture>;
