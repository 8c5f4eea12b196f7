using Microsoft.Extensions.Time.Testing;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// Moves for the fixtures' <see cref="FakeTimeProvider"/>, which never goes back in time: tests of one class share a
/// clock, so a test that wants "this instant" gets it, or the clock's own time when an earlier test went past it.
/// </summary>
public static class ClockMoves
{
    /// <summary>Sets the clock to <paramref name="at"/> unless it is already later; returns the clock's time.</summary>
    public static DateTimeOffset MoveForwardTo(this FakeTimeProvider clock, DateTimeOffset at)
    {
        if (at > clock.GetUtcNow())
        {
            clock.SetUtcNow(at);
        }

        return clock.GetUtcNow();
    }

    /// <summary>Moves the clock to its next whole second (validity times have whole seconds); returns that time.</summary>
    public static DateTimeOffset MoveToNextWholeSecond(this FakeTimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return clock.MoveForwardTo(DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + 1));
    }
}
