using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Redemptions;

/// <summary>
/// docs/spec.md §D7: a single-use code has exactly one successful redemption also when the racing requests arrive at
/// three server processes sharing one PostgreSQL database.
/// </summary>
public sealed class MultiInstanceRedemptionTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    [Fact]
    public async Task Three_instances_racing_on_one_single_use_code_have_exactly_one_winner_per_round()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant, new CouponSpec { SingleUse = true });
        using var admin = fixture.Client(tenant);
        var servers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServerProcess.StartAsync(fixture.Settings())));
        try
        {
            var token = fixture.Token(tenant);
            var clients = servers.Select(s => s.Client(token)).ToArray();
            for (var round = 0; round < 5; round++)
            {
                var code = $"MULTI{round}";
                await admin.CreateCodesAsync(coupon, code);
                using var start = new SemaphoreSlim(0);
                var racers = Enumerable.Range(0, 72).Select(async i =>
                {
                    await start.WaitAsync();
                    using var response = await clients[i % clients.Length].RedeemAsync($"order-{round}-{i}", code);
                    var body = await response.ReadJsonAsync();
                    return ((int)response.StatusCode, (string?)body["code"]);
                }).ToList();
                start.Release(racers.Count);
                var results = await Task.WhenAll(racers);

                Assert.Single(results, r => r.Item1 == 200);
                Assert.All(results.Where(r => r.Item1 != 200), r => Assert.Equal((409, "coupon_code_already_redeemed"), r));
                Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, code));
            }

            Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Three_instances_storming_redemptions_and_rollbacks_keep_counters_equal_to_the_ledger()
    {
        var tenant = ApiFixture.NewTenant();
        var multi = await CouponSeed.CreateCouponAsync(fixture, tenant);
        var single = await CouponSeed.CreateCouponAsync(fixture, tenant, new CouponSpec { SingleUse = true });
        using var admin = fixture.Client(tenant);
        await admin.CreateCodesAsync(multi, "HOT", "WARM");
        await admin.CreateCodesAsync(single, "S1", "S2");
        var servers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServerProcess.StartAsync(fixture.Settings())));
        try
        {
            var token = fixture.Token(tenant);
            var clients = servers.Select(s => s.Client(token)).ToArray();
            var codeSets = new[] { new[] { "HOT" }, ["WARM", "HOT"], ["S1", "HOT"], ["S2", "WARM"] };
            var statuses = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
            {
                var client = clients[i % clients.Length];
                var order = $"o-{i % 50}";
                using var response = i % 3 == 1 ? await client.RollBackAsync(order) : await client.RedeemAsync(order, codeSets[i % codeSets.Length]);
                return (int)response.StatusCode;
            }));

            Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 204, 404, 409 }));
            Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }
}
