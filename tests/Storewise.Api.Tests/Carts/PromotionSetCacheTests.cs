using Storewise.Api.Carts;
using Storewise.Pricing;

namespace Storewise.Api.Tests.Carts;

/// <summary>The per-tenant cache of compiled promotion sets: built once per catalogue version, never stuck on a failure.</summary>
public sealed class PromotionSetCacheTests
{
    private static PromotionCatalog Empty() => PromotionCatalog.Compile([], [], [], stackableCoupons: true);

    [Fact]
    public async Task Concurrent_requests_for_one_version_share_one_build()
    {
        var builds = 0;
        var gate = new TaskCompletionSource();
        var cache = new PromotionSetCache(async _ =>
        {
            Interlocked.Increment(ref builds);
            await gate.Task;
            return Empty();
        });

        var requests = Enumerable.Range(0, 10).Select(_ => cache.GetAsync("t", 3)).ToArray();
        gate.SetResult();
        var sets = await Task.WhenAll(requests);

        Assert.Equal(1, builds);
        Assert.All(sets, set => Assert.Same(sets[0], set));
    }

    [Fact]
    public async Task A_newer_catalogue_version_rebuilds_and_an_older_one_does_not()
    {
        var builds = 0;
        var cache = new PromotionSetCache(_ =>
        {
            Interlocked.Increment(ref builds);
            return Task.FromResult(Empty());
        });

        var first = await cache.GetAsync("t", 1);
        var same = await cache.GetAsync("t", 1);
        var newer = await cache.GetAsync("t", 2);
        var older = await cache.GetAsync("t", 1); // a lagging reader never goes back to an older set

        Assert.Same(first, same);
        Assert.NotSame(first, newer);
        Assert.Same(newer, older);
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task A_failed_build_is_not_kept_so_the_next_request_builds_again()
    {
        var calls = 0;
        var cache = new PromotionSetCache(_ => Interlocked.Increment(ref calls) == 1
            ? Task.FromException<PromotionCatalog>(new TimeoutException("database unavailable"))
            : Task.FromResult(Empty()));

        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetAsync("t", 1));
        var set = await cache.GetAsync("t", 1);

        Assert.NotNull(set);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Tenants_have_sets_of_their_own()
    {
        var cache = new PromotionSetCache(_ => Task.FromResult(Empty()));

        var a = await cache.GetAsync("a", 1);
        var b = await cache.GetAsync("b", 1);

        Assert.NotSame(a, b);
    }
}
