using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Telemetry;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Carts;

/// <summary>
/// A cart without codes reads the database only when its catalogue version may be stale; a change made through
/// this instance is priced by its very next cart; a cart with codes reads them every time
/// (docs/decisions/0510-catalogue-change-notifications.md).
/// </summary>
public abstract class CartDatabaseReadTests(ApiFixture fixture)
{
    private const string CartPath = "/v0/promotions/cart";
    private const string Cart = """{"currency":"EUR","items":[{"id":"a","productId":"p1","quantity":1,"price":100}]}""";
    private const string CartWithCode = """{"currency":"EUR","couponCodes":["NOPE"],"items":[{"id":"a","productId":"p1","quantity":1,"price":100}]}""";

    [Fact]
    public async Task Carts_without_codes_read_the_database_at_most_once_per_second_and_see_this_instances_changes_at_once()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        using var reads = new DatabaseReads(fixture.Services.GetRequiredService<IMeterFactory>());
        var created = await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("Ten off", """{"kind":"CartLevelPercentage","discount":10}"""));

        var clock = Stopwatch.StartNew();
        const int carts = 40;
        for (var i = 0; i < carts; i++)
        {
            Assert.Equal(90m, await TotalAsync(client, Cart));
        }

        // The write confirmed the version; after that, one read per second at most (none with notifications).
        var allowed = 1 + (int)clock.Elapsed.TotalSeconds;
        Assert.InRange(reads.Count, 0, allowed);

        var before = reads.Count;
        var promotion = created["promotion"]!;
        var edit = OfferBodies.ReplaceBody(promotion, body => body["active"] = false);
        await (await client.PutJsonAsync($"{OfferBodies.PromotionsPath}/{promotion["id"]}", edit)).ExpectAsync(200);
        Assert.Equal(100m, await TotalAsync(client, Cart));
        Assert.Equal(before, reads.Count);
    }

    [Fact]
    public async Task A_version_known_for_longer_than_the_bound_is_read_again_unless_notifications_cover_it()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        using var reads = new DatabaseReads(fixture.Services.GetRequiredService<IMeterFactory>());
        // A read made before the listener listens is not covered by it; the fixture's listener connects in the background.
        var listenUntil = Stopwatch.StartNew();
        while (fixture.Database.Dialect.HasNotifications && !fixture.Database.Versions.IsListening && listenUntil.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Equal(100m, await TotalAsync(client, Cart));
        Assert.Equal(1, reads.Count);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(100m, await TotalAsync(client, Cart));
        Assert.Equal(fixture.Database.Dialect.HasNotifications ? 1 : 2, reads.Count);
    }

    [Fact]
    public async Task Every_cart_with_codes_reads_them()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        using var reads = new DatabaseReads(fixture.Services.GetRequiredService<IMeterFactory>());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(100m, await TotalAsync(client, CartWithCode));
        }

        Assert.Equal(5, reads.Count);
    }

    private static async Task<decimal> TotalAsync(HttpClient client, string cart) =>
        (decimal)(await (await client.SendJsonAsync(HttpMethod.Post, CartPath, cart)).ExpectAsync(200))["total"]!;

    /// <summary>Counts this fixture's <c>storewise.cart.database_reads</c> (other fixtures' hosts have meter factories of their own).</summary>
    private sealed class DatabaseReads : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public DatabaseReads(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == StorewiseMetrics.MeterName && instrument.Meter.Scope == meters && instrument.Name == "storewise.cart.database_reads")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}

public sealed class CartDatabaseReadSqliteTests(SqliteApiFixture fixture) : CartDatabaseReadTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CartDatabaseReadPostgresTests(PostgresApiFixture fixture) : CartDatabaseReadTests(fixture), IClassFixture<PostgresApiFixture>;
