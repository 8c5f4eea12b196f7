using System.Net.Http.Headers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Imports;

/// <summary>
/// docs/decisions/0517-imports-settle-while-streaming.md: an upload's rows are settled while the file still streams,
/// repeats are reported as before without the file's keys in memory, and a rejected upload takes back the codes it
/// created. The server runs in its own process with small batches, so a short file spans many of them.
/// </summary>
public abstract class ImportSettlingTests(ApiFixture fixture)
{
    private static readonly Dictionary<string, string> SmallBatches = new()
    {
        ["Imports:WorkerEnabled"] = "true",
        ["Imports:StagingBatchSize"] = "100",
        ["Imports:BatchSize"] = "100",
        ["Imports:PollMilliseconds"] = "200",
        ["Limits:MaxImportCodes"] = "2000",
    };

    [Fact]
    public async Task Rows_are_settled_while_the_upload_still_streams_and_repeats_are_reported_across_batches()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        await using var server = await ServerProcess.StartAsync(fixture.Settings(), SmallBatches);
        using var client = server.Client(fixture.Token(tenant));
        await client.CreateCodesAsync(await CouponSeed.CreateCouponAsync(fixture, tenant), "TAKEN");
        // Rows 0-999 are sent at once, rows 1000-1099 only once settling has begun. Batches hold 100 rows.
        var first = Enumerable.Range(0, 950).Select(i => $"S{i}")
            .Concat(["TAKEN", "taken", "s5"])
            .Concat(Enumerable.Range(0, 47).Select(i => $"T{i}"));
        var rest = new[] { "Taken", "bad code", "T0" }.Concat(Enumerable.Range(0, 97).Select(i => $"U{i}"));
        var csv = new HeldBackCsv(first, rest);

        var upload = UploadAsync(client, coupon, csv);
        var settledWhileStreaming = await WaitUntilSettledWhileUploadingAsync(tenant, coupon, atLeast: 100);
        csv.Release();
        var accepted = await (await upload).ExpectAsync(202);
        var id = (string)accepted["codesImport"]!["id"]!;
        var import = await client.WaitUntilEndedAsync(coupon, id);

        Assert.InRange(settledWhileStreaming, 100, 1000);
        Assert.Equal("CREATED", (string?)accepted["codesImport"]!["status"]);
        Assert.InRange((long)accepted["codesImport"]!["processed"]!, settledWhileStreaming, 1100);
        Assert.Equal(("COMPLETED", 1100, 1094, 6), ((string?)import["status"], (int)import["processed"]!, (int)import["created"]!, (int)import["errors"]!));
        var report = await (await client.GetAsync($"{ImportApi.Url(coupon)}/{id}/errors?count=10&page=1")).ExpectAsync(200);
        var rows = report["items"]!.AsArray().Select(r => ((long)r!["line"]!, (string)r["code"]!, (string)r["reason"]!)).ToList();
        Assert.Equal(
            [
                (951L, "TAKEN", "code_exists"), // stored before the import
                (952L, "taken", "duplicate_in_file"), // same batch as its first occurrence
                (953L, "s5", "duplicate_in_file"), // S5 was created by an earlier batch
                (1001L, "Taken", "duplicate_in_file"), // an earlier batch reported it code_exists
                (1002L, "bad code", "invalid_code"),
                (1003L, "T0", "duplicate_in_file"),
            ],
            rows);
        var list = await (await client.GetAsync($"/v0/promotions/coupon/{coupon}/code?count=1&page=1")).ExpectAsync(200);
        Assert.Equal(1094, (int?)list["pagination"]!["total"]);
    }

    [Fact]
    public async Task A_file_found_too_long_after_settling_began_takes_its_codes_back_and_deep_pages_stay_right()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        await using var server = await ServerProcess.StartAsync(fixture.Settings(), SmallBatches);
        using var client = server.Client(fixture.Token(tenant));
        var csv = new HeldBackCsv(Enumerable.Range(0, 1500).Select(i => $"R{i}"), Enumerable.Range(0, 501).Select(i => $"Q{i}"));

        var upload = UploadAsync(client, coupon, csv);
        await WaitUntilSettledWhileUploadingAsync(tenant, coupon, atLeast: 1500);
        // A deep page read now keeps the list's boundaries as of these 1,500 codes.
        var deepWhileStreaming = await CodeNamesAsync(client, coupon, page: 11);
        csv.Release();
        var rejected = await (await upload).ExpectAsync(400);

        Assert.Equal(Enumerable.Range(1000, 100).Select(i => $"R{i}"), deepWhileStreaming);
        Assert.Contains("more than 2000 codes", (string?)rejected["message"]);
        var imports = await (await client.GetAsync(ImportApi.Url(coupon) + "?count=10&page=1")).ExpectAsync(200);
        Assert.Equal(0, (int?)imports["pagination"]!["total"]);
        Assert.Empty(await client.ListCodesAsync(coupon));
        await using (var connection = await fixture.Database.OpenAsync())
        {
            var left = await connection.ExecuteScalarAsync<long>(
                "SELECT (SELECT COUNT(*) FROM coupon_codes WHERE tenant = @tenant) + (SELECT COUNT(*) FROM code_imports WHERE tenant = @tenant)"
                + " + (SELECT COUNT(*) FROM code_import_rows WHERE tenant = @tenant)",
                new { tenant });
            Assert.Equal(0, left);
        }

        // The same number of other codes: the boundaries kept for the first 1,500 must not be used for these.
        var id = await client.ImportAsync(coupon, string.Join('\n', Enumerable.Range(0, 1500).Select(i => $"P{i}")));
        await client.WaitUntilEndedAsync(coupon, id);
        Assert.Equal(Enumerable.Range(1000, 100).Select(i => $"P{i}"), await CodeNamesAsync(client, coupon, page: 11));
    }

    [Fact]
    public async Task A_batch_whose_plain_insert_meets_a_stored_code_is_settled_again_skipping_it()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        await client.CreateCodesAsync(coupon, "EXIST1");
        var importId = Guid.NewGuid().ToString();
        await using (var connection = await fixture.Database.OpenAsync())
        {
            var existing = await connection.ExecuteScalarAsync<string>("SELECT id FROM coupon_codes WHERE tenant = @tenant AND code_key = 'EXIST1'", new { tenant });
            // The second row's id is taken (a key check cannot see that): the plain insert fails on the primary key.
            await connection.ExecuteAsync(
                """
                INSERT INTO code_imports (tenant, id, coupon_id, status, lease_owner, created_at, updated_at) VALUES (@tenant, @importId, @coupon, 'UPLOADING', 'test', 0, 0);
                INSERT INTO code_import_rows (tenant, import_id, seq, line, code, code_key, code_id, error) VALUES
                    (@tenant, @importId, 0, 1, 'NEW1', 'NEW1', @fresh, NULL), (@tenant, @importId, 1, 2, 'NEW2', 'NEW2', @existing, NULL);
                """,
                new { tenant, importId, coupon, existing, fresh = Guid.NewGuid().ToString() });
        }

        var batches = fixture.Services.GetRequiredService<Storewise.Api.Imports.ImportBatches>();
        var settled = await batches.SettleBatchAsync(
            new Storewise.Api.Imports.ImportRow { Tenant = tenant, Id = importId, CouponId = coupon }, "test", "UPLOADING", 0, 2, CancellationToken.None);

        Assert.Equal(Storewise.Api.Imports.SettledBatch.Settled, settled);
        await using var check = await fixture.Database.OpenAsync();
        var counters = await check.QuerySingleAsync<(long NextSeq, long Created, long Errors)>(
            "SELECT CAST(next_seq AS BIGINT), CAST(created AS BIGINT), CAST(errors AS BIGINT) FROM code_imports WHERE tenant = @tenant AND id = @importId", new { tenant, importId });
        Assert.Equal((2L, 1L, 1L), counters);
        Assert.Equal(["EXIST1", "NEW1"], (await client.ListCodesAsync(coupon)).Select(i => (string)i!["codes"]!["name"]!).Order());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string coupon, HeldBackCsv csv)
    {
        var content = new MultipartFormDataContent();
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(csv, "import", "codes.csv");
        return client.PostAsync(ImportApi.Url(coupon), content);
    }

    private static async Task<List<string>> CodeNamesAsync(HttpClient client, string coupon, int page)
    {
        var body = await (await client.GetAsync($"/v0/promotions/coupon/{coupon}/code?count=100&page={page}")).ExpectAsync(200);
        return body["items"]!.AsArray().Select(i => (string)i!["codes"]!["name"]!).ToList();
    }

    /// <summary>Waits until the coupon's upload, still UPLOADING, has settled at least <paramref name="atLeast"/> rows; returns how many.</summary>
    private async Task<long> WaitUntilSettledWhileUploadingAsync(string tenant, string coupon, long atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var connection = await fixture.Database.OpenAsync();
        while (DateTime.UtcNow < deadline)
        {
            var processed = await connection.ExecuteScalarAsync<long?>(
                "SELECT processed FROM code_imports WHERE tenant = @tenant AND coupon_id = @coupon AND status = 'UPLOADING'", new { tenant, coupon });
            if (processed >= atLeast)
            {
                return processed.Value;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("no rows were settled while the upload streamed");
    }
}

public sealed class ImportSettlingSqliteTests(WorkerlessSqliteFixture f) : ImportSettlingTests(f), IClassFixture<WorkerlessSqliteFixture>;

public sealed class ImportSettlingPostgresTests(WorkerlessPostgresFixture f) : ImportSettlingTests(f), IClassFixture<WorkerlessPostgresFixture>;
