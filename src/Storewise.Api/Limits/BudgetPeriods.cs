using System.Globalization;
using Storewise.Api.Offers;

namespace Storewise.Api.Limits;

/// <summary>
/// Which budget period an instant falls in, named by its local start in the offer's time zone: <c>total</c>,
/// <c>2026-03-08</c> (day), <c>2026-W10</c> (ISO week, from Monday), <c>2026-03</c> (month). Local dates come from
/// <see cref="TimeZoneInfo"/> (docs/decisions/0601-usage-limits-and-budget-periods.md), so a day that DST makes
/// 23 or 25 hours long is still one period.
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

    /// <summary>Finds an IANA zone; Windows ids are refused so that stored offers read the same on every host.</summary>
    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (id.Length is 0 or > 64)
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return zone.HasIanaId;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

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
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
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

    // A zone that moves its clocks at midnight has no local midnight that day: the day starts when the clock resumes.
    private static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>The key of the period of <paramref name="period"/> that holds <paramref name="at"/>.</summary>
    public static string KeyOf(BudgetPeriod period, string? timeZone, DateTimeOffset at)
    {
        if (period == BudgetPeriod.Total)
        {
            return TotalKey;
        }

        var zone = timeZone is not null && TryFindZone(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return period switch
        {
            BudgetPeriod.Day => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            BudgetPeriod.Week => string.Create(
                CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(local.ToDateTime(TimeOnly.MinValue)):00}"),
            _ => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }
}
