using Microsoft.Extensions.Time.Testing;
using Storewise.Api.Storage;

namespace Storewise.Api.Tests.Storage;

/// <summary>
/// Warming a list's boundaries once writes to it go quiet (docs/decisions/0526-warm-boundaries-after-writes.md):
/// <see cref="ListWarming"/> on a fake clock, and <see cref="ListPositions.WarmAsync{TKey}"/> without a database.
/// </summary>
public sealed class ListWarmingTests
{
    private static readonly long[] Boundaries = [999, 1999, 2999];

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task A_list_is_warmed_once_when_no_write_has_moved_it_for_the_quiet_period()
    {
        var clock = new FakeTimeProvider();
        using var warming = new ListWarming(clock);
        var warms = 0;
        var warmedAt = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task Warm(CancellationToken _)
        {
            Interlocked.Increment(ref warms);
            warmedAt.TrySetResult(clock.GetUtcNow());
            return Task.CompletedTask;
        }

        for (var batch = 0; batch < 4; batch++)
        {
            warming.Moved("l", Warm);
            await AdvanceAsync(clock, ListWarming.Quiet / 2);
        }

        Assert.Equal(0, warms);
        var lastMoved = clock.GetUtcNow() - (ListWarming.Quiet / 2);
        var at = await AdvanceUntilAsync(clock, warmedAt.Task);

        Assert.True(at - lastMoved >= ListWarming.Quiet, $"warmed {at - lastMoved} after the last write");
        await AdvanceAsync(clock, ListWarming.Quiet * 4);
        Assert.Equal(1, warms);
    }

    [Fact]
    public async Task A_list_written_again_after_its_warm_is_warmed_again()
    {
        var clock = new FakeTimeProvider();
        using var warming = new ListWarming(clock);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        warming.Moved("l", _ => Done(first));
        await AdvanceUntilAsync(clock, first.Task);
        warming.Moved("l", _ => Done(second));
        await AdvanceUntilAsync(clock, second.Task);
    }

    [Fact]
    public async Task A_settled_list_is_warmed_at_once_and_its_waiting_warm_is_dropped()
    {
        var clock = new FakeTimeProvider();
        using var warming = new ListWarming(clock);
        var waiting = 0;
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        warming.Moved("l", _ => Task.FromResult(Interlocked.Increment(ref waiting)));
        warming.Settled("l", _ => Done(settled));
        await settled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await AdvanceAsync(clock, ListWarming.Quiet * 3);

        Assert.Equal(0, waiting);
    }

    [Fact]
    public async Task Warms_run_one_at_a_time_and_one_that_fails_stops_no_other()
    {
        var clock = new FakeTimeProvider();
        using var warming = new ListWarming(clock);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sync = new Lock();
        var running = 0;
        var mostAtOnce = 0;
        var finished = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Warm(CancellationToken _)
        {
            lock (sync)
            {
                mostAtOnce = Math.Max(mostAtOnce, ++running);
            }

            started.TrySetResult();
            await gate.Task;
            lock (sync)
            {
                running--;
                if (++finished == 3)
                {
                    done.SetResult();
                }
            }
        }

        warming.Moved("failing", _ => throw new InvalidOperationException("the database went away"));
        warming.Moved("a", Warm);
        warming.Moved("b", Warm);
        warming.Moved("c", Warm);
        await AdvanceUntilAsync(clock, started.Task);
        await AdvanceAsync(clock, ListWarming.Quiet);
        gate.SetResult();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task A_warmed_list_serves_its_deep_pages_without_reading_its_boundaries()
    {
        var lists = new ListPositions();
        var reads = 0;

        await lists.WarmAsync("l", 1, () => Read(ref reads), () => Task.FromResult(1L));
        await lists.WarmAsync("l", 1, () => Read(ref reads), () => Task.FromResult(1L));
        Assert.Equal(1, reads);
        Assert.True(lists.Knows<long>("l", 1));

        var seek = await lists.SeekAsync("l", 1, 2500, () => Read(ref reads), () => Task.FromResult(1L));
        Assert.Equal(new PageSeek<long>(true, 1999, 500), seek);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_warm_that_saw_the_generation_move_keeps_nothing()
    {
        var lists = new ListPositions();
        var reads = 0;

        await lists.WarmAsync("l", 1, () => Read(ref reads), () => Task.FromResult(2L));

        Assert.False(lists.Knows<long>("l", 1));
        Assert.False(lists.Knows<long>("l", 2));
        await lists.SeekAsync("l", 1, 2500, () => Read(ref reads), () => Task.FromResult(1L));
        Assert.Equal(2, reads);
    }

    private static Task Done(TaskCompletionSource done)
    {
        done.SetResult();
        return Task.CompletedTask;
    }

    // The warm's timer is set by a continuation that runs after each move of the clock, so the clock moves in small
    // steps with a pause between them until the awaited warm has run.
    private static async Task<T> AdvanceUntilAsync<T>(FakeTimeProvider clock, Task<T> until)
    {
        await AdvanceUntilAsync(clock, (Task)until);
        return await until;
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Task until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!until.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(Step);
            await Task.Delay(5);
        }

        await until.WaitAsync(TimeSpan.FromSeconds(1));
    }

    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan by)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += Step)
        {
            clock.Advance(Step);
            await Task.Delay(5);
        }
    }

    private static Task<IEnumerable<long>> Read(ref int reads)
    {
        reads++;
        return Task.FromResult<IEnumerable<long>>(Boundaries);
    }
}
