namespace Storewise.Pricing;

/// <summary>
/// A recurring window inside an offer's validity: open on <see cref="Days"/> from <see cref="From"/> (inclusive) to
/// <see cref="To"/> (exclusive) of the wall clock. A window whose <see cref="To"/> is not after <see cref="From"/>
/// crosses midnight: it opens on a listed day and closes on the next one (docs/pricing-semantics.md, "Time and audience").
/// </summary>
public sealed record ScheduleWindow(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    public bool CrossesMidnight => To <= From;
}
