using System.Security.Cryptography;
using System.Text;
using Dapper;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Redemptions;

/// <summary>Redeeming codes and rolling orders back (docs/spec.md §1.2, §4.7, §D7, §8 #17).</summary>
public abstract class RedemptionTests(ApiFixture fixture)
{
    private async Task<(string Tenant, HttpClient Client)> TenantWithCodesAsync(CouponSpec? spec, params string[] codes)
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant, spec);
        var client = fixture.Client(tenant);
        await client.CreateCodesAsync(coupon, codes);
        return (tenant, client);
    }

    [Fact]
    public async Task Redeeming_answers_200_with_the_redemptions_and_counts_each_code()
    {
        var (tenant, client) = await TenantWithCodesAsync(null, "SAVE10", "SAVE20");
        using var _ = client;

        var body = await (await client.RedeemAsync("order-1", "save10", "SAVE20")).ExpectAsync(200);

        Assert.Equal("order-1", (string?)body["orderId"]);
        var redeemed = body["redemptions"]!.AsArray();
        Assert.Equal(["SAVE10", "SAVE20"], redeemed.Select(r => (string)r!["code"]!));
        Assert.All(redeemed, r => Assert.Equal(1, (int)r!["redemptions"]!));
        Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "SAVE10"));
        await (await client.RedeemAsync("order-2", "SAVE10")).ExpectAsync(200);
        Assert.Equal(2, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "SAVE10"));
        Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task A_body_wrapped_in_value_is_accepted()
    {
        var (tenant, client) = await TenantWithCodesAsync(null, "WRAP");
        using var _ = client;

        await (await client.PostAsync(RedemptionApi.Url, HttpJson.Body($"{{\"value\":{RedemptionApi.Body("o-wrap", "WRAP")}}}"))).ExpectAsync(200);

        Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "WRAP"));
    }

    [Fact]
    public async Task An_unknown_code_is_404_coupon_code_not_found_and_nothing_is_redeemed()
    {
        var (tenant, client) = await TenantWithCodesAsync(null, "REAL");
        using var _ = client;

        var body = await (await client.RedeemAsync("o-404", "REAL", "GHOST")).ExpectAsync(404);

        Assert.Equal("coupon_code_not_found", (string?)body["code"]);
        Assert.Equal(404, (int?)body["status"]);
        Assert.Contains("GHOST", (string?)body["message"]);
        Assert.Equal(0, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "REAL"));
    }

    [Fact]
    public async Task A_code_of_another_tenant_is_not_found()
    {
        var (_, owner) = await TenantWithCodesAsync(null, "THEIRS");
        using var _ = owner;
        using var stranger = fixture.Client(ApiFixture.NewTenant());

        var body = await (await stranger.RedeemAsync("o-x", "THEIRS")).ExpectAsync(404);

        Assert.Equal("coupon_code_not_found", (string?)body["code"]);
    }

    [Fact]
    public async Task An_inactive_code_is_400_coupon_code_inactive()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var id = (string)(await client.CreateCodesAsync(coupon, "OFF"))["codes"]![0]!["id"]!;
        await (await client.PatchAsync($"/v0/promotions/coupon/{coupon}/code/{id}", HttpJson.Body(new { active = false }))).ExpectAsync(200);

        var body = await (await client.RedeemAsync("o-off", "OFF")).ExpectAsync(400);

        Assert.Equal("coupon_code_inactive", (string?)body["code"]);
    }

    public static TheoryData<string, string> CouponRules => new()
    {
        { "inactive", "coupon_not_active" },
        { "future", "coupon_not_started" },
        { "past", "coupon_expired" },
        { "usd-only", "currency_not_eligible" },
        { "minimum-150", "below_minimum_cart_value" },
        { "consumers", "customer_not_eligible" },
    };

    [Theory]
    [MemberData(nameof(CouponRules))]
    public async Task A_coupon_rule_the_request_does_not_meet_is_400_with_its_reason(string rule, string reason)
    {
        var now = fixture.Clock.GetUtcNow();
        var spec = rule switch
        {
            "inactive" => new CouponSpec { Active = false },
            "future" => new CouponSpec { ValidFrom = now.AddDays(1) },
            "past" => new CouponSpec { ValidFrom = now.AddDays(-10), ValidTo = now.AddDays(-1) },
            "usd-only" => new CouponSpec { Currencies = [("USD", 0m)] },
            "minimum-150" => new CouponSpec { Currencies = [("EUR", 150m)] },
            _ => new CouponSpec { Consumers = ["cust-2", "cust-3"] },
        };
        var (tenant, client) = await TenantWithCodesAsync(spec, "RULE");
        using var _ = client;

        var body = await (await client.RedeemAsync("o-rule", "RULE")).ExpectAsync(400);

        Assert.Equal(reason, (string?)body["code"]);
        Assert.Equal(400, (int?)body["status"]);
        Assert.Equal(0, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "RULE"));
    }

    [Fact]
    public async Task A_coupon_meeting_every_rule_is_redeemed_at_the_edges_of_its_window_and_minimum()
    {
        // Validity times have whole seconds, so the clock is put on one.
        var now = fixture.Clock.MoveToNextWholeSecond();
        var spec = new CouponSpec { ValidFrom = now, ValidTo = now, Currencies = [("USD", 5m), ("EUR", 100m)], Consumers = ["cust-1"] };
        var (_, client) = await TenantWithCodesAsync(spec, "EDGE");
        using var _ = client;

        // catalogTotal 100 = minimum, currency compared case-insensitively, now = validFrom = validTo.
        var json = "{\"codes\":[\"EDGE\"],\"consumerId\":\"cust-1\",\"catalogTotal\":100,\"currency\":\"eur\",\"orderId\":\"o-edge\"}";
        await (await client.PostAsync(RedemptionApi.Url, HttpJson.Body(json))).ExpectAsync(200);
    }

    [Fact]
    public async Task A_single_use_code_redeemed_twice_is_409_already_redeemed()
    {
        var (tenant, client) = await TenantWithCodesAsync(new CouponSpec { SingleUse = true }, "ONCE");
        using var _ = client;
        await (await client.RedeemAsync("o-1", "ONCE")).ExpectAsync(200);

        var body = await (await client.RedeemAsync("o-2", "once")).ExpectAsync(409);

        Assert.Equal("coupon_code_already_redeemed", (string?)body["code"]);
        Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "ONCE"));
    }

    [Fact]
    public async Task All_codes_or_none_one_failing_code_redeems_nothing()
    {
        var tenant = ApiFixture.NewTenant();
        var multi = await CouponSeed.CreateCouponAsync(fixture, tenant);
        var single = await CouponSeed.CreateCouponAsync(fixture, tenant, new CouponSpec { SingleUse = true });
        using var client = fixture.Client(tenant);
        await client.CreateCodesAsync(multi, "MULTI");
        await client.CreateCodesAsync(single, "SINGLE");
        await (await client.RedeemAsync("o-first", "SINGLE")).ExpectAsync(200);

        var body = await (await client.RedeemAsync("o-second", "MULTI", "SINGLE")).ExpectAsync(409);

        Assert.Equal("coupon_code_already_redeemed", (string?)body["code"]);
        Assert.Equal(0, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "MULTI"));
        await (await client.RollBackAsync("o-second")).ExpectAsync(404);
        Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task The_same_order_redeeming_the_same_code_again_is_409()
    {
        var (tenant, client) = await TenantWithCodesAsync(null, "AGAIN");
        using var _ = client;
        await (await client.RedeemAsync("o-same", "AGAIN")).ExpectAsync(200);

        var body = await (await client.RedeemAsync("o-same", "AGAIN")).ExpectAsync(409);

        Assert.Equal("order_already_redeemed_code", (string?)body["code"]);
        Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "AGAIN"));
    }

    [Fact]
    public async Task The_same_code_twice_in_one_request_counts_once()
    {
        var (tenant, client) = await TenantWithCodesAsync(new CouponSpec { SingleUse = true }, "TWICE");
        using var _ = client;

        var body = await (await client.RedeemAsync("o-twice", "TWICE", "twice")).ExpectAsync(200);

        Assert.Single(body["redemptions"]!.AsArray());
        Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "TWICE"));
    }

    [Theory]
    [InlineData("{\"codes\":[],\"catalogTotal\":1,\"currency\":\"EUR\",\"orderId\":\"o\"}", "codes")]
    [InlineData("{\"catalogTotal\":1,\"currency\":\"EUR\",\"orderId\":\"o\"}", "codes")]
    [InlineData("{\"codes\":[\"\"],\"catalogTotal\":1,\"currency\":\"EUR\",\"orderId\":\"o\"}", "codes[0]")]
    [InlineData("{\"codes\":[\"A\"],\"catalogTotal\":1,\"currency\":\"EUR\"}", "orderId")]
    [InlineData("{\"codes\":[\"A\"],\"catalogTotal\":1,\"currency\":\"EUR\",\"orderId\":\"  \"}", "orderId")]
    [InlineData("{\"codes\":[\"A\"],\"catalogTotal\":-1,\"currency\":\"EUR\",\"orderId\":\"o\"}", "catalogTotal")]
    [InlineData("{\"codes\":[\"A\"],\"catalogTotal\":\"10\",\"currency\":\"EUR\",\"orderId\":\"o\"}", "catalogTotal")]
    [InlineData("{\"codes\":[\"A\"],\"catalogTotal\":1,\"orderId\":\"o\"}", "currency")]
    [InlineData("{\"codes\":\"A\",\"catalogTotal\":1,\"currency\":\"EUR\",\"orderId\":\"o\"}", "codes")]
    [InlineData("{\"value\":[1]}", "value")]
    [InlineData("[1]", "body")]
    [InlineData("{\"codes\":", "body")]
    public async Task An_invalid_body_is_400_naming_the_field(string json, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());

        var body = await (await client.PostAsync(RedemptionApi.Url, HttpJson.Body(json))).ExpectAsync(400);

        Assert.StartsWith(field, (string?)body["message"]);
    }

    [Fact]
    public async Task Rolling_back_an_order_gives_single_use_codes_back_and_a_second_rollback_changes_nothing()
    {
        var tenant = ApiFixture.NewTenant();
        var single = await CouponSeed.CreateCouponAsync(fixture, tenant, new CouponSpec { SingleUse = true });
        var multi = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        await client.CreateCodesAsync(single, "BACK");
        await client.CreateCodesAsync(multi, "SHARED");
        await (await client.RedeemAsync("o-keep", "SHARED")).ExpectAsync(200);
        await (await client.RedeemAsync("o-fail", "BACK", "SHARED")).ExpectAsync(200);

        await (await client.RollBackAsync("o-fail")).ExpectAsync(204);
        Assert.Equal(0, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "BACK"));
        Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "SHARED"));

        await (await client.RollBackAsync("o-fail")).ExpectAsync(204);
        Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "SHARED"));

        // The single-use code is usable again, also by the same order.
        await (await client.RedeemAsync("o-fail", "BACK")).ExpectAsync(200);
        Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task Rolling_back_an_unknown_or_foreign_order_is_404()
    {
        var (_, owner) = await TenantWithCodesAsync(null, "MINE");
        using var _ = owner;
        await (await owner.RedeemAsync("o-mine", "MINE")).ExpectAsync(200);
        using var stranger = fixture.Client(ApiFixture.NewTenant());

        var body = await (await owner.RollBackAsync("o-never")).ExpectAsync(404);
        await (await stranger.RollBackAsync("o-mine")).ExpectAsync(404);

        Assert.Equal(404, (int?)body["status"]);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_answer_for_the_same_body()
    {
        var (tenant, client) = await TenantWithCodesAsync(null, "IDEM");
        using var _ = client;
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "key-1" };
        var json = RedemptionApi.Body("o-idem", "IDEM");

        using var first = await client.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, json, headers);
        using var retry = await client.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, json, headers);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "IDEM"));
    }

    [Fact]
    public async Task An_idempotency_key_replays_an_error_answer_too()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "key-err" };
        var json = RedemptionApi.Body("o-err", "NOPE");

        using var first = await client.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, json, headers);
        using var retry = await client.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, json, headers);

        Assert.Equal(404, (int)first.StatusCode);
        Assert.Equal(404, (int)retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_idempotency_key_with_a_different_body_is_422()
    {
        var (tenant, client) = await TenantWithCodesAsync(null, "K1", "K2");
        using var _ = client;
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "key-2" };
        await (await client.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, RedemptionApi.Body("o-k", "K1"), headers)).ExpectAsync(200);

        var body = await (await client.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, RedemptionApi.Body("o-k", "K2"), headers)).ExpectAsync(422);

        Assert.Equal("idempotency_key_reused", (string?)body["code"]);
        Assert.Equal(0, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "K2"));
    }

    [Fact]
    public async Task An_idempotency_key_whose_first_request_is_still_running_is_409_and_keys_are_per_tenant()
    {
        var (tenant, client) = await TenantWithCodesAsync(null, "BUSY");
        using var _ = client;
        var json = RedemptionApi.Body("o-busy", "BUSY");
        await using (var connection = await fixture.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO idempotency_keys (tenant, idem_key, request_hash, state, created_at) VALUES (@tenant, 'key-3', @hash, 'in_flight', @now)",
                new { tenant, hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))), now = fixture.Clock.GetUtcNow().ToUnixTimeMilliseconds() });
        }

        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "key-3" };
        var body = await (await client.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, json, headers)).ExpectAsync(409);

        Assert.Equal("idempotency_key_in_flight", (string?)body["code"]);
        Assert.Equal(0, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "BUSY"));
        using var other = fixture.Client(ApiFixture.NewTenant());
        await (await other.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, json, headers)).ExpectAsync(404);
    }

    [Fact]
    public async Task An_idempotency_key_older_than_24_hours_is_forgotten()
    {
        var (tenant, client) = await TenantWithCodesAsync(null, "OLD");
        using var _ = client;
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "key-old" };
        await (await client.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, RedemptionApi.Body("o-old-1", "OLD"), headers)).ExpectAsync(200);
        // The clock does not go back afterwards (FakeTimeProvider only moves forward); the other tests of the class
        // take their times from it.
        fixture.Clock.Advance(TimeSpan.FromHours(25));
        await (await client.SendJsonAsync(HttpMethod.Post, RedemptionApi.Url, RedemptionApi.Body("o-old-2", "OLD"), headers)).ExpectAsync(200);

        Assert.Equal(2, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "OLD"));
    }

    [Fact]
    public async Task Concurrent_redemptions_of_one_single_use_code_have_exactly_one_winner_per_round()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant, new CouponSpec { SingleUse = true });
        using var client = fixture.Client(tenant);
        for (var round = 0; round < 3; round++)
        {
            var code = $"RACE{round}";
            await client.CreateCodesAsync(coupon, code);

            var statuses = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
            {
                using var response = await client.RedeemAsync($"o-{round}-{i}", code);
                var body = await response.ReadJsonAsync();
                return ((int)response.StatusCode, (string?)body["code"]);
            }));

            Assert.Single(statuses, s => s.Item1 == 200);
            Assert.All(statuses.Where(s => s.Item1 != 200), s => Assert.Equal((409, "coupon_code_already_redeemed"), s));
            Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, code));
        }

        Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task A_storm_of_redemptions_and_rollbacks_keeps_every_counter_equal_to_its_live_ledger_rows()
    {
        var tenant = ApiFixture.NewTenant();
        var multi = await CouponSeed.CreateCouponAsync(fixture, tenant);
        var single = await CouponSeed.CreateCouponAsync(fixture, tenant, new CouponSpec { SingleUse = true });
        using var client = fixture.Client(tenant);
        await client.CreateCodesAsync(multi, "HOT", "WARM");
        await client.CreateCodesAsync(single, "S1", "S2", "S3");
        var codeSets = new[] { new[] { "HOT" }, ["HOT", "WARM"], ["S1", "HOT"], ["S2"], ["S3", "WARM"] };

        var work = Enumerable.Range(0, 160).Select(async i =>
        {
            var order = $"o-{i % 40}";
            using var response = i % 3 == 2
                ? await client.RollBackAsync(order)
                : await client.RedeemAsync(order, codeSets[i % codeSets.Length]);
            Assert.Contains((int)response.StatusCode, new[] { 200, 204, 404, 409 });
        });
        await Task.WhenAll(work);

        Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
        foreach (var code in new[] { "S1", "S2", "S3" })
        {
            Assert.InRange(await RedemptionApi.RedemptionsOfAsync(fixture, tenant, code), 0, 1);
        }
    }
}

public sealed class RedemptionSqliteTests(SqliteApiFixture f) : RedemptionTests(f), IClassFixture<SqliteApiFixture>;

public sealed class RedemptionPostgresTests(PostgresApiFixture f) : RedemptionTests(f), IClassFixture<PostgresApiFixture>;
