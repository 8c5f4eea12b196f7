namespace Storewise.Pricing;

/// <summary>
/// Whether an offer's schedule is open, judged on the wall clock of its zone: a window is open whenever the clock
/// reads a time inside it, so a window over a skipped hour is open only for the part the clock shows, and one over
/// a repeated hour is open both times the clock reads it (docs/pricing-semantics.md, "Time and audience").
/// </summary>
public static class Schedules
{
    /// <summary>True when <paramref name="windows"/> is empty or one window holds the wall-clock time <paramref name="local"/>.</summary>
    public static bool IsOpen(IReadOnlyList<ScheduleWindow> windows, DateTime local)
    {
        if (windows.Count == 0)
        {
            return true;
        }

        var time = TimeOnly.FromDateTime(local);
        var day = local.DayOfWeek;
        var dayBefore = day == DayOfWeek.Sunday ? DayOfWeek.Saturday : day - 1;
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            if (!window.CrossesMidnight)
            {
                if (time >= window.From && time < window.To && Lists(window.Days, day))
                {
                    return true;
                }
            }
            else if ((time >= window.From && Lists(window.Days, day)) || (time < window.To && Lists(window.Days, dayBefore)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first instant after <paramref name="after"/> (a closed instant) at which a window opens, within
    /// <paramref name="validTo"/> (inclusive); null when none does within the next two weeks.
    /// </summary>
    public static DateTimeOffset? NextOpening(IReadOnlyList<ScheduleWindow> windows, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset? validTo)
    {
        DateTimeOffset? best = null;
        var today = DateOnly.FromDateTime(ZoneTimes.LocalTime(after, zone));
        for (var offset = -1; offset <= 14; offset++)
        {
            var date = today.AddDays(offset);
            foreach (var window in windows)
            {
                if (!Lists(window.Days, date.DayOfWeek))
                {
                    continue;
                }

                var opening = date.ToDateTime(window.From);
                var instants = ZoneTimes.Occurrences(opening, zone);
                if (instants.Length == 0)
                {
                    // The opening is skipped: the window opens when the clock resumes, if that is still inside it.
                    instants = [ZoneTimes.ToInstant(opening, zone)];
                }

                foreach (var instant in instants)
                {
                    if (instant > after && (best is null || instant < best) && IsOpen(windows, ZoneTimes.LocalTime(instant, zone)))
                    {
                        best = instant;
                    }
                }
            }

            if (best is not null)
            {
                break;
            }
        }

        return best is { } found && (validTo is null || found <= validTo) ? found : null;
    }

    private static bool Lists(IReadOnlyList<DayOfWeek> days, DayOfWeek day)
    {
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i] == day)
            {
                return true;
            }
        }

        return false;
    }
}
