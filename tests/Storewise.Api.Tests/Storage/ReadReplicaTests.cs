using Dapper;
using Npgsql;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Storage;

/// <summary>
/// Gets, lists and cart pricing read from a real streaming replica while it has replayed this instance's writes,
/// and from the primary otherwise (docs/decisions/0513-read-replicas.md).
/// </summary>
public sealed class ReadReplicaTests(ReplicaApiFixture fixture) : IClassFixture<ReplicaApiFixture>
{
    private const string CartWithCode = """{"currency":"EUR","couponCodes":["JUSTWRITTEN"],"items":[{"id":"a","productId":"p1","quantity":1,"price":100}]}""";

    [Fact]
    public async Task Gets_and_lists_are_served_by_the_replica_once_it_has_replayed_this_instances_writes()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var id = (string)(await client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body("on the replica")))["coupon"]!["id"]!;
        await fixture.WaitForReplicaAsync();
        await fixture.PauseReplayAsync();
        try
        {
            // Written behind the service's back, so it does not wait for the replica to see it.
            await using (var primary = new NpgsqlConnection(fixture.ConnectionString))
            {
                await primary.ExecuteAsync(
                    "UPDATE offers SET document = replace(document, 'on the replica', 'on the primary only') WHERE tenant = @tenant AND id = @id",
                    new { tenant, id });
            }

            var got = await (await client.GetAsync($"{OfferBodies.CouponsPath}/{id}")).ExpectAsync(200);
            var listed = await (await client.GetAsync($"{OfferBodies.CouponsPath}?count=10&page=1")).ExpectAsync(200);

            Assert.Equal("on the replica", (string?)got["coupon"]!["name"]);
            Assert.Equal("on the replica", (string?)listed["items"]![0]!["coupon"]!["name"]);
        }
        finally
        {
            await fixture.ResumeReplayAsync();
        }

        await fixture.WaitForReplicaAsync();
        var caughtUp = await (await client.GetAsync($"{OfferBodies.CouponsPath}/{id}")).ExpectAsync(200);
        Assert.Equal("on the primary only", (string?)caughtUp["coupon"]!["name"]);
    }

    [Fact]
    public async Task A_read_right_after_a_write_sees_it_while_the_replica_replays_nothing()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await fixture.PauseReplayAsync();
        try
        {
            var created = await client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body("just written"));
            var id = (string)created["coupon"]!["id"]!;
            await client.CreateCodesAsync(id, "JUSTWRITTEN");

            var got = await (await client.GetAsync($"{OfferBodies.CouponsPath}/{id}")).ExpectAsync(200);
            var listed = await (await client.GetAsync($"{OfferBodies.CouponsPath}?count=10&page=1")).ExpectAsync(200);
            var codes = await client.ListCodesAsync(id);
            var cart = await (await client.PostAsync("/v0/promotions/cart", HttpJson.Body(CartWithCode))).ExpectAsync(200);

            Assert.Equal("just written", (string?)got["coupon"]!["name"]);
            Assert.Equal(1, (int?)listed["pagination"]!["total"]);
            Assert.Equal("JUSTWRITTEN", (string?)Assert.Single(codes)!["codes"]!["name"]);
            // A replica that had not replayed the code would reject it as unknown.
            Assert.DoesNotContain("not_found", cart.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task Readiness_reports_the_replicas_lag()
    {
        using var client = fixture.AnonymousClient();
        await fixture.WaitForReplicaAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        var ready = await (await client.GetAsync("/health/ready")).ExpectAsync(200);

        Assert.Equal("ready", (string?)ready["status"]);
        Assert.True((bool)ready["replica"]!["available"]!);
        Assert.True((long)ready["replica"]!["lagBytes"]! >= 0);
        Assert.True((double)ready["replica"]!["lagSeconds"]! >= 0);
    }
}

/// <summary>With the replica gone, every read falls back to the primary without an error, and readiness says so.</summary>
public sealed class ReadReplicaDownTests(ReplicaApiFixture fixture) : IClassFixture<ReplicaApiFixture>
{
    [Fact]
    public async Task With_the_replica_stopped_reads_fall_back_to_the_primary()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var id = (string)(await client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body("survives")))["coupon"]!["id"]!;
        await fixture.WaitForReplicaAsync();

        fixture.StopReplica();

        await (await client.GetAsync($"{OfferBodies.CouponsPath}/{id}")).ExpectAsync(200);
        await (await client.GetAsync($"{OfferBodies.CouponsPath}?count=10&page=1")).ExpectAsync(200);
        await (await client.GetAsync($"{OfferBodies.CouponsPath}/{id}/code?count=10&page=1")).ExpectAsync(200);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var ready = await (await fixture.AnonymousClient().GetAsync("/health/ready")).ExpectAsync(200);
        Assert.False((bool)ready["replica"]!["available"]!);
        await (await client.GetAsync($"{OfferBodies.CouponsPath}/{id}")).ExpectAsync(200);
    }
}
