using Microsoft.Extensions.Logging.Abstractions;
using Storewise.Api.CartLog;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.CartLog;

/// <summary>
/// The writer's intervals and the queue's bounds (docs/decisions/0712-cart-log-writes-in-intervals.md), on a queue and a
/// writer of each test's own, on both providers.
/// </summary>
public abstract class CartLogWriterTests(ApiFixture fixture)
{
    [Fact]
    public async Task Carts_queued_when_the_host_stops_are_written_before_the_writer_ends()
    {
        // An interval longer than the test and a batch larger than what is queued: only the drain on stop writes them.
        var (tenant, queue, writer) = await StartAsync(new CartLogOptions { BatchSize = 10_000, FlushIntervalMilliseconds = 600_000 });
        using var disposing = queue;
        var carts = OfferCarts(queue, tenant, 1_200);
        await Task.Delay(200);
        Assert.Equal(0, await CountAsync(tenant));

        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(carts.Count, await CountAsync(tenant));
        Assert.Equal(0, queue.Queued);
        Assert.Equal(carts.Order(StringComparer.Ordinal), (await ReadAsync(tenant)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_full_batch_is_written_without_waiting_for_the_interval()
    {
        var (tenant, queue, writer) = await StartAsync(new CartLogOptions { BatchSize = 50, FlushIntervalMilliseconds = 600_000 });
        using var disposing = queue;
        try
        {
            OfferCarts(queue, tenant, 49);
            await Task.Delay(300);
            Assert.Equal(0, await CountAsync(tenant));

            OfferCarts(queue, tenant, 1);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await CountAsync(tenant) < 50 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(50, await CountAsync(tenant));
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void A_full_queue_drops_further_carts_and_counts_them()
    {
        var (tenant, queue) = QueueFor(new CartLogOptions { QueueCapacity = 3 });
        using var disposing = queue;
        OfferCarts(queue, tenant, 5);
        Assert.Equal(3, queue.Queued);
        Assert.Equal(2, queue.Dropped);
        Assert.True(queue.TryTake(out _));
        OfferCarts(queue, tenant, 2);
        Assert.Equal(3, queue.Queued);
        Assert.Equal(3, queue.Dropped);
    }

    private (string Tenant, CartLogQueue Queue) QueueFor(CartLogOptions options)
    {
        var tenant = ApiFixture.NewTenant();
        var queue = new CartLogQueue(fixture.Database, TimeProvider.System, options, NullLogger<CartLogQueue>.Instance);
        queue.Remember(new CartLogSettings(tenant, CartLogSettings.PartsPerMillion, CartLogSettings.DefaultRetentionDays, null, null, null));
        return (tenant, queue);
    }

    private async Task<(string Tenant, CartLogQueue Queue, CartLogWriter Writer)> StartAsync(CartLogOptions options)
    {
        var (tenant, queue) = QueueFor(options);
        var writer = new CartLogWriter(queue, fixture.Database, options, TimeProvider.System, NullLogger<CartLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        return (tenant, queue, writer);
    }

    // Offers `count` random carts; returns how each reads back from the log.
    private static List<string> OfferCarts(CartLogQueue queue, string tenant, int count)
    {
        var random = new Random(count);
        var described = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var cart = RandomCarts.Cart(random, 20);
            queue.Offer(tenant, cart, null);
            described.Add(RandomCarts.Describe(cart));
        }

        return described;
    }

    private async Task<long> CountAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await CartLogStore.CountAsync(connection, tenant, long.MinValue, long.MaxValue, []);
    }

    private async Task<IEnumerable<string>> ReadAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        var entries = await CartLogStore.ReadAsync(connection, tenant, long.MinValue, long.MaxValue, [], LogPosition.Start, 10_000);
        return entries.Select(e => RandomCarts.Describe(LoggedCart.Parse(e.Cart).Cart));
    }
}

public sealed class CartLogWriterSqliteTests(SqliteApiFixture fixture) : CartLogWriterTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CartLogWriterPostgresTests(PostgresApiFixture fixture) : CartLogWriterTests(fixture), IClassFixture<PostgresApiFixture>;
