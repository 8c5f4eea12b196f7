namespace Storewise.Pricing;

/// <summary>
/// The one place wall-clock times and instants are converted, with <see cref="TimeZoneInfo"/>
/// (docs/decisions/1001-time-zones-with-timezoneinfo.md). A wall-clock time a DST change skips is read as the
/// instant the clock resumes; one it repeats is read as its first occurrence.
/// </summary>
public static class ZoneTimes
{
    /// <summary>The wall-clock time of <paramref name="at"/> in <paramref name="zone"/>.</summary>
    public static DateTime LocalTime(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).DateTime;

    /// <summary>The instant the wall clock of <paramref name="zone"/> first reads <paramref name="local"/>, or resumes after it.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Gaps start and end on whole minutes in every IANA zone: the first valid minute is where the clock resumes.
            local = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
            while (zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(1);
            }

            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            return Occurrences(local, zone)[0];
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Every instant the wall clock reads <paramref name="local"/>, earliest first: none in a gap, two in a repeated hour.</summary>
    public static DateTimeOffset[] Occurrences(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return [];
        }

        if (!zone.IsAmbiguousTime(local))
        {
            return [new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime()];
        }

        var offsets = zone.GetAmbiguousTimeOffsets(local);
        var instants = new DateTimeOffset[offsets.Length];
        for (var i = 0; i < offsets.Length; i++)
        {
            instants[i] = new DateTimeOffset(local, offsets[i]).ToUniversalTime();
        }

        Array.Sort(instants);
        return instants;
    }
}
