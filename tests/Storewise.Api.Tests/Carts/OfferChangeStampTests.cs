using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Carts;
using Storewise.Api.Codes;
using Storewise.Api.Common;
using Storewise.Api.Offers;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Carts;

/// <summary>
/// Offer rows carry the catalogue version of the write that made them, removals leave their id and version, and the
/// loader derives the next set from the rows and removals above its own version only
/// (docs/decisions/0523-offer-rows-stamped-with-the-catalogue-version.md). Each test prices the final state through a
/// derived set and again through a set compiled afresh from the stored offers: both must agree.
/// </summary>
public abstract class OfferChangeStampTests(ApiFixture fixture)
{
    private const string CartPath = "/v0/promotions/cart";
    private const string Cart = """{"currency":"EUR","items":[{"id":"a","productId":"p1","quantity":1,"price":100},{"id":"b","productId":"p2","quantity":1,"price":100}]}""";

    private PromotionSetCache Cache => fixture.Services.GetRequiredService<PromotionSetCache>();

    [Fact]
    public async Task An_edit_stamps_its_row_with_the_version_of_its_write_and_leaves_the_other_rows_alone()
    {
        var (tenant, client, first, second) = await TwoPromotionsAsync();
        using var owned = client;
        var secondStamp = await StampAsync(tenant, second);

        await SwitchAsync(client, first, active: false);

        Assert.Equal(await VersionAsync(tenant), await StampAsync(tenant, first));
        Assert.Equal(secondStamp, await StampAsync(tenant, second));
        Assert.Equal(180m, await TotalAsync(client));
        Assert.True(Cache.Current(tenant)?.Derived);
        Assert.Equal(await VersionAsync(tenant), Cache.Current(tenant)?.Version);
        Assert.Equal(180m, await FreshTotalAsync(client));
    }

    [Fact]
    public async Task A_deleted_offer_leaves_its_id_with_the_version_and_is_removed_from_the_derived_set()
    {
        var (tenant, client, first, _) = await TwoPromotionsAsync();
        using var owned = client;

        Assert.True(await WriteAsync(tenant, (c, tx) => OfferStore.DeleteAsync(c, tx, tenant, OfferType.Promotion, first)));

        Assert.Equal(await VersionAsync(tenant), await RemovedAtAsync(tenant, first));
        Assert.Equal(180m, await TotalAsync(client));
        Assert.True(Cache.Current(tenant)?.Derived);
        Assert.Equal(180m, await FreshTotalAsync(client));
        Assert.False(await WriteAsync(tenant, (c, tx) => OfferStore.DeleteAsync(c, tx, tenant, OfferType.Promotion, first)));
    }

    [Fact]
    public async Task A_promotion_turned_coupon_under_the_same_id_and_back_is_priced_as_its_row_says()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var promotion = await CreateAsync(client, "Ten off p1", "p1", 10);
        var template = (string)(await client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body("Half off", """{"kind":"CartLevelPercentage","discount":50}""")))["coupon"]!["id"]!;
        Assert.Equal(190m, await TotalAsync(client));

        // The coupon's document moves to the promotion's id, in one transaction that removes both rows first.
        var coupon = await GetAsync(tenant, OfferType.Coupon, template);
        var promotionDocument = await GetAsync(tenant, OfferType.Promotion, promotion);
        await WriteAsync(tenant, async (c, tx) =>
        {
            await OfferStore.DeleteAsync(c, tx, tenant, OfferType.Promotion, promotion);
            await OfferStore.DeleteAsync(c, tx, tenant, OfferType.Coupon, template);
            return await OfferStore.InsertAsync(c, tx, coupon with { Id = promotion, Version = ObjectIds.NewVersion() });
        });

        Assert.Equal(200m, await TotalAsync(client));
        Assert.True(Cache.Current(tenant)?.Derived);
        await client.CreateCodesAsync(promotion, "TURNED");
        Assert.Equal(100m, await TotalAsync(client, "TURNED"));
        Assert.True(Cache.Current(tenant)?.Derived);
        Assert.Equal(100m, await FreshTotalAsync(client, "TURNED"));

        await WriteAsync(tenant, async (c, tx) =>
        {
            await OfferStore.DeleteAsync(c, tx, tenant, OfferType.Coupon, promotion);
            return await OfferStore.InsertAsync(c, tx, promotionDocument with { Version = ObjectIds.NewVersion() });
        });

        Assert.Equal(190m, await TotalAsync(client));
        Assert.True(Cache.Current(tenant)?.Derived);
        Assert.Equal(190m, await FreshTotalAsync(client));
    }

    [Fact]
    public async Task Concurrent_writers_commit_in_version_order_and_each_is_priced()
    {
        var (tenant, client, first, second) = await TwoPromotionsAsync();
        using var owned = client;
        var before = await VersionAsync(tenant);

        var firstHolds = Signal();
        var releaseFirst = Signal();
        var secondHolds = Signal();
        var releaseSecond = Signal();
        var firstWrite = Task.Run(() => SwitchOffHeldAsync(tenant, first, firstHolds, releaseFirst));
        await firstHolds.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var secondWrite = Task.Run(() => SwitchOffHeldAsync(tenant, second, secondHolds, releaseSecond));

        // The second writer cannot take a version, and so cannot write, while the first is open.
        await Task.Delay(300);
        Assert.False(secondHolds.Task.IsCompleted, "a second catalogue write ran beside an open one");
        Assert.Equal(170m, await TotalAsync(client));

        releaseFirst.SetResult();
        await firstWrite.WaitAsync(TimeSpan.FromSeconds(30));
        await secondHolds.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(180m, await TotalAsync(client)); // the first change only: the second has not committed
        Assert.Equal(before + 1, Cache.Current(tenant)?.Version);

        releaseSecond.SetResult();
        await secondWrite.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(200m, await TotalAsync(client));
        Assert.True(Cache.Current(tenant)?.Derived);
        Assert.Equal(before + 1, await StampAsync(tenant, first));
        Assert.Equal(before + 2, await StampAsync(tenant, second));
        Assert.Equal(200m, await FreshTotalAsync(client));
    }

    [Fact]
    public async Task A_set_that_missed_several_versions_catches_up_exactly()
    {
        var (tenant, client, first, second) = await TwoPromotionsAsync();
        using var owned = client;
        var coupon = (string)(await client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body("Coupon")))["coupon"]!["id"]!;
        var code = (string)(await client.CreateCodesAsync(coupon, "MISSED"))["codes"]![0]!["id"]!;
        Assert.Equal(170m, await TotalAsync(client)); // the set now holds the coupon's version
        var cached = Cache.Current(tenant)!.Version;

        // Five versions without a cart in between: an edit, a creation, a removal, a code switched off, an edit back.
        await SwitchAsync(client, first, active: false);
        await CreateAsync(client, "Five on p1", "p1", 5);
        await WriteAsync(tenant, (c, tx) => OfferStore.DeleteAsync(c, tx, tenant, OfferType.Promotion, second));
        await fixture.Services.GetRequiredService<CodeStore>().SetActiveAsync(tenant, coupon, code, active: false, CancellationToken.None);
        await SwitchAsync(client, first, active: true);
        Assert.Equal(cached + 5, await VersionAsync(tenant));

        var total = await TotalAsync(client);
        Assert.True(Cache.Current(tenant)?.Derived);
        Assert.Equal(cached + 5, Cache.Current(tenant)?.Version);
        Assert.True(total < 200m, "the promotions on p1 are not priced");
        Assert.Equal(total, await FreshTotalAsync(client));
    }

    [Fact]
    public async Task More_changes_than_an_incremental_update_takes_compile_afresh()
    {
        var (tenant, client, seed, _) = await TwoPromotionsAsync();
        using var owned = client;
        var document = await GetAsync(tenant, OfferType.Promotion, seed);

        await WriteAsync(tenant, async (c, tx) =>
        {
            foreach (var n in Enumerable.Range(0, Pricing.PromotionCatalog.LargestIncrementalChange + 1))
            {
                await OfferStore.InsertAsync(c, tx, document with { Id = $"bulk-{n}", Name = $"Bulk {n}", Active = false, Version = ObjectIds.NewVersion() });
            }

            return OfferWriteOutcome.Written;
        });

        Assert.Equal(170m, await TotalAsync(client));
        Assert.False(Cache.Current(tenant)?.Derived);
        Assert.Equal(await VersionAsync(tenant), Cache.Current(tenant)?.Version);
    }

    [Fact]
    public async Task A_write_that_stamps_nothing_makes_the_next_set_compile_afresh()
    {
        var (tenant, client, first, _) = await TwoPromotionsAsync();
        using var owned = client;

        // As an instance of the release before the stamps writes during a rolling upgrade: the row and the version only.
        var version = await fixture.Database.WriteAsync(async (c, tx) =>
        {
            await c.ExecuteAsync(
                """UPDATE offers SET document = replace(document, '"active":true', '"active":false') WHERE tenant = @tenant AND id = @first""",
                new { tenant, first },
                tx);
            return WriteOutcome.Commit(await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO catalogue_versions (tenant, version) VALUES (@tenant, 1)
                ON CONFLICT (tenant) DO UPDATE SET version = catalogue_versions.version + 1
                RETURNING version
                """,
                new { tenant },
                tx));
        });
        fixture.Database.Versions.Confirm(tenant, version, System.Diagnostics.Stopwatch.GetTimestamp());

        Assert.Equal(180m, await TotalAsync(client));
        Assert.False(Cache.Current(tenant)?.Derived);
        await SwitchAsync(client, first, active: true);
        Assert.Equal(170m, await TotalAsync(client));
        Assert.True(Cache.Current(tenant)?.Derived);
    }

    // Ten off p1 and twenty off p2: the cart of both costs 170.
    private async Task<(string Tenant, HttpClient Client, string First, string Second)> TwoPromotionsAsync()
    {
        var tenant = ApiFixture.NewTenant();
        var client = fixture.Client(tenant);
        var first = await CreateAsync(client, "On p1", "p1", 10);
        var second = await CreateAsync(client, "On p2", "p2", 20);
        Assert.Equal(170m, await TotalAsync(client));
        return (tenant, client, first, second);
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task SwitchOffHeldAsync(string tenant, string id, TaskCompletionSource holds, TaskCompletionSource release) =>
        WriteAsync(tenant, async (c, tx) =>
        {
            var stored = (await OfferStore.GetAsync(c, tenant, OfferType.Promotion, id, tx))!;
            var written = await OfferStore.UpdateAsync(c, tx, stored with { Active = false, Version = ObjectIds.NewVersion() }, stored.Version);
            holds.SetResult();
            await release.Task;
            return written;
        });

    private Task<T> WriteAsync<T>(string tenant, Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task<T>> work) =>
        fixture.Database.WriteCatalogueAsync(tenant, async (c, tx) => WriteOutcome.Commit(await work(c, tx)));

    private async Task<OfferDocument> GetAsync(string tenant, OfferType type, string id)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return (await OfferStore.GetAsync(connection, tenant, type, id))!;
    }

    private async Task<long> VersionAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await CatalogueVersions.GetAsync(connection, tenant);
    }

    private Task<long> StampAsync(string tenant, string id) =>
        ScalarAsync("SELECT written_at_version FROM offers WHERE tenant = @tenant AND id = @id", new { tenant, id });

    private Task<long> RemovedAtAsync(string tenant, string id) =>
        ScalarAsync("SELECT removed_at_version FROM offer_removals WHERE tenant = @tenant AND id = @id", new { tenant, id });

    private async Task<long> ScalarAsync(string sql, object parameters)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    private static async Task<string> CreateAsync(HttpClient client, string name, string product, int percent) =>
        (string)(await client.CreateAsync(
            OfferBodies.PromotionsPath,
            OfferBodies.Body(name, $$"""{"kind":"ProductLevelPercentage","discount":{{percent}},"includedProducts":["{{product}}"]}""")))["promotion"]!["id"]!;

    private static async Task SwitchAsync(HttpClient client, string id, bool active)
    {
        var current = (await (await client.GetAsync($"{OfferBodies.PromotionsPath}/{id}")).ExpectAsync(200))["promotion"]!;
        await (await client.PutJsonAsync($"{OfferBodies.PromotionsPath}/{id}", OfferBodies.ReplaceBody(current, body => body["active"] = active))).ExpectAsync(200);
    }

    private static async Task<decimal> TotalAsync(HttpClient client, string? code = null)
    {
        var cart = JsonNode.Parse(Cart)!.AsObject();
        if (code is not null)
        {
            cart["couponCodes"] = new JsonArray(code);
        }

        return (decimal)(await (await client.SendJsonAsync(HttpMethod.Post, CartPath, cart.ToJsonString())).ExpectAsync(200))["total"]!;
    }

    // The same cart against a set compiled from the stored offers alone.
    private async Task<decimal> FreshTotalAsync(HttpClient client, string? code = null)
    {
        Cache.Clear();
        return await TotalAsync(client, code);
    }
}

public sealed class OfferChangeStampSqliteTests(SqliteApiFixture fixture) : OfferChangeStampTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class OfferChangeStampPostgresTests(PostgresApiFixture fixture) : OfferChangeStampTests(fixture), IClassFixture<PostgresApiFixture>;
