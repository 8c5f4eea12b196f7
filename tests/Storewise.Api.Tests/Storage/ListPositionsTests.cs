using Storewise.Api.Storage;

namespace Storewise.Api.Tests.Storage;

/// <summary>The rules of <see cref="ListPositions"/> (docs/decisions/0512-keyset-paging.md), one by one, without a database.</summary>
public sealed class ListPositionsTests
{
    private const int Stride = ListPositions.Stride;

    private static readonly long[] Boundaries = [999, 1999, 2999];

    [Fact]
    public async Task A_shallow_page_skips_from_the_start_and_reads_no_boundaries()
    {
        var lists = new ListPositions();
        var reads = 0;

        var seek = await lists.SeekAsync("l", 1, Stride - 1, () => Read(ref reads), () => Task.FromResult(1L));

        Assert.Equal(PageSeek<long>.FromStart(Stride - 1), seek);
        Assert.Equal(0, reads);
    }

    [Theory]
    [InlineData(1000, 999, 0)]
    [InlineData(1001, 999, 1)]
    [InlineData(2999, 1999, 999)]
    [InlineData(3000, 2999, 0)]
    [InlineData(9500, 2999, 6500)]
    public async Task A_deep_page_seeks_past_the_nearest_boundary_below_it(long offset, long after, long skip)
    {
        var lists = new ListPositions();
        var reads = 0;

        var seek = await lists.SeekAsync("l", 1, offset, () => Read(ref reads), () => Task.FromResult(1L));

        Assert.Equal(new PageSeek<long>(true, after, skip), seek);
    }

    [Fact]
    public async Task Boundaries_are_read_once_per_generation()
    {
        var lists = new ListPositions();
        var reads = 0;

        await lists.SeekAsync("l", 1, 1500, () => Read(ref reads), () => Task.FromResult(1L));
        await lists.SeekAsync("l", 1, 2500, () => Read(ref reads), () => Task.FromResult(1L));
        Assert.Equal(1, reads);

        await lists.SeekAsync("l", 2, 2500, () => Read(ref reads), () => Task.FromResult(2L));
        Assert.Equal(2, reads);
        await lists.SeekAsync("other", 2, 2500, () => Read(ref reads), () => Task.FromResult(2L));
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task What_was_read_while_the_generation_moved_is_used_once_and_not_kept()
    {
        var lists = new ListPositions();
        var reads = 0;
        var counts = 0;

        await lists.SeekAsync("l", 1, 1500, () => Read(ref reads), () => Task.FromResult(2L));
        await lists.SeekAsync("l", 1, 1500, () => Read(ref reads), () => Task.FromResult(1L));
        await lists.SeekAsync("l", 1, 1500, () => Read(ref reads), () => Task.FromResult(1L));
        Assert.Equal(2, reads);

        Assert.Equal(7, await lists.TotalAsync("t", 1, () => Count(ref counts, 7), () => Task.FromResult(2L)));
        Assert.Equal(8, await lists.TotalAsync("t", 1, () => Count(ref counts, 8), () => Task.FromResult(1L)));
        Assert.Equal(8, await lists.TotalAsync("t", 1, () => Count(ref counts, 9), () => Task.FromResult(1L)));
        Assert.Equal(2, counts);
    }

    [Fact]
    public async Task A_total_and_boundaries_of_one_generation_are_kept_together()
    {
        var lists = new ListPositions();
        var reads = 0;
        var counts = 0;

        Assert.Equal(3500, await lists.TotalAsync("l", 1, () => Count(ref counts, 3500), () => Task.FromResult(1L)));
        await lists.SeekAsync("l", 1, 1500, () => Read(ref reads), () => Task.FromResult(1L));

        Assert.Equal(3500, await lists.TotalAsync("l", 1, () => Count(ref counts, 0), () => Task.FromResult(1L)));
        Assert.Equal(1, counts);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Deep_pages_that_miss_together_share_one_read_of_the_boundaries()
    {
        var lists = new ListPositions();
        var reads = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<IEnumerable<long>> SlowRead()
        {
            Interlocked.Increment(ref reads);
            await gate.Task;
            return Boundaries;
        }

        var pages = Enumerable.Range(1, 20).Select(i => lists.SeekAsync("l", 1, 1000 + (i * 40), SlowRead, () => Task.FromResult(1L))).ToList();
        gate.SetResult();
        var seeks = await Task.WhenAll(pages);

        Assert.Equal(1, reads);
        Assert.All(seeks, seek => Assert.Equal(999, seek.After));
    }

    [Fact]
    public async Task A_waiter_whose_shared_read_failed_reads_for_itself()
    {
        var lists = new ListPositions();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<IEnumerable<long>> FailingRead()
        {
            await gate.Task;
            throw new InvalidOperationException("the replica went away");
        }

        var first = lists.SeekAsync("l", 1, 1500, FailingRead, () => Task.FromResult(1L));
        var reads = 0;
        var second = lists.SeekAsync("l", 1, 2500, () => Read(ref reads), () => Task.FromResult(1L));
        gate.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal(new PageSeek<long>(true, 1999, 500), await second);
        Assert.Equal(1, reads);
    }

    private static Task<IEnumerable<long>> Read(ref int reads)
    {
        reads++;
        return Task.FromResult<IEnumerable<long>>(Boundaries);
    }

    private static Task<long> Count(ref int counts, long total)
    {
        counts++;
        return Task.FromResult(total);
    }
}
