using System.Globalization;
using Storewise.Api.Common;
using Storewise.Api.Offers;
using Storewise.Pricing;

namespace Storewise.Api.Limits;

/// <summary>
/// Which budget period an instant falls in, named by its local start in the offer's time zone: <c>total</c>,
/// <c>2026-03-08</c> (day), <c>2026-W10</c> (ISO week, from Monday), <c>2026-03</c> (month). Local dates come from
/// <see cref="ZoneTimes"/> over <see cref="TimeZoneInfo"/> (docs/decisions/1001-time-zones-with-timezoneinfo.md), so a
/// day that DST makes 23 or 25 hours long is still one period.
/// </summary>
public static class BudgetPeriods
{
    public const string TotalKey = "total";

    public static bool TryParse(string text, out BudgetPeriod period)
    {
        period = text switch
        {
            "total" => BudgetPeriod.Total,
            "day" => BudgetPeriod.Day,
            "week" => BudgetPeriod.Week,
            "month" => BudgetPeriod.Month,
            _ => (BudgetPeriod)(-1),
        };
        return Enum.IsDefined(period);
    }

    /// <summary>Finds an IANA zone (<see cref="IanaZones"/>).</summary>
    public static bool TryFindZone(string id, out TimeZoneInfo zone) => IanaZones.TryFind(id, out zone);

    /// <summary>
    /// The period of <paramref name="period"/> holding <paramref name="at"/>: its key and its bounds as instants
    /// (start inclusive, end exclusive; <see cref="DateTimeOffset.MinValue"/> and <see cref="DateTimeOffset.MaxValue"/> for <c>total</c>).
    /// </summary>
    public static (string Key, DateTimeOffset Start, DateTimeOffset End) Of(BudgetPeriod period, string? timeZone, DateTimeOffset at)
    {
        var key = KeyOf(period, timeZone, at);
        if (period == BudgetPeriod.Total)
        {
            return (key, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        }

        var zone = timeZone is not null && TryFindZone(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = DateOnly.FromDateTime(ZoneTimes.LocalTime(at, zone));
        var start = period switch
        {
            BudgetPeriod.Day => local,
            BudgetPeriod.Week => local.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            _ => new DateOnly(local.Year, local.Month, 1),
        };
        var end = period switch
        {
            BudgetPeriod.Day => start.AddDays(1),
            BudgetPeriod.Week => start.AddDays(7),
            _ => start.AddMonths(1),
        };
        return (key, LocalMidnight(start, zone), LocalMidnight(end, zone));
    }

    // A zone that moves its clocks at midnight has no local midnight that day: the day starts when the clock
    // resumes (the engine's one reading of wall-clock times, ZoneTimes).
    private static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone) =>
        ZoneTimes.ToInstant(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);

    /// <summary>The key of the period of <paramref name="period"/> that holds <paramref name="at"/>.</summary>
    public static string KeyOf(BudgetPeriod period, string? timeZone, DateTimeOffset at)
    {
        if (period == BudgetPeriod.Total)
        {
            return TotalKey;
        }

        var zone = timeZone is not null && TryFindZone(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = DateOnly.FromDateTime(ZoneTimes.LocalTime(at, zone));
        return period switch
        {
            BudgetPeriod.Day => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            BudgetPeriod.Week => string.Create(
                CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(local.ToDateTime(TimeOnly.MinValue)):00}"),
            _ => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }
}
