using Storewise.Api.Limits;
using Storewise.Api.Offers;

namespace Storewise.Api.Tests.Limits;

/// <summary>The period boundaries of docs/pricing-semantics.md, "Limits and budgets".</summary>
public sealed class BudgetPeriodTests
{
    private const string NewYork = "America/New_York";

    [Theory]
    [InlineData("2026-01-15T04:59:59Z", "2026-01-14")] // 23:59:59 EST
    [InlineData("2026-01-15T05:00:00Z", "2026-01-15")] // local midnight EST (UTC-5)
    [InlineData("2026-07-15T03:59:59Z", "2026-07-14")] // 23:59:59 EDT
    [InlineData("2026-07-15T04:00:00Z", "2026-07-15")] // local midnight EDT (UTC-4)
    public void DayBudgetInNewYorkRenewsAtLocalMidnight(string instant, string day) =>
        Assert.Equal(day, BudgetPeriods.KeyOf(BudgetPeriod.Day, NewYork, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DayBudgetWithoutATimeZoneRenewsAtUtcMidnight()
    {
        Assert.Equal("2026-01-14", BudgetPeriods.KeyOf(BudgetPeriod.Day, null, At("2026-01-14T23:59:59Z")));
        Assert.Equal("2026-01-15", BudgetPeriods.KeyOf(BudgetPeriod.Day, null, At("2026-01-15T00:00:00Z")));
    }

    [Fact]
    public void SpringForwardDayIsOnePeriodOf23Hours()
    {
        // 2026-03-08: New York moves from UTC-5 to UTC-4 at 02:00 local.
        var (key, start, end) = BudgetPeriods.Of(BudgetPeriod.Day, NewYork, At("2026-03-08T12:00:00Z"));

        Assert.Equal("2026-03-08", key);
        Assert.Equal(At("2026-03-08T05:00:00Z"), start);
        Assert.Equal(At("2026-03-09T04:00:00Z"), end);
        Assert.Equal(TimeSpan.FromHours(23), end - start);
    }

    [Fact]
    public void FallBackDayIsOnePeriodOf25Hours()
    {
        // 2026-11-01: New York moves from UTC-4 to UTC-5 at 02:00 local; 01:30 happens twice, both in that day.
        var (key, start, end) = BudgetPeriods.Of(BudgetPeriod.Day, NewYork, At("2026-11-01T06:30:00Z"));

        Assert.Equal("2026-11-01", key);
        Assert.Equal(TimeSpan.FromHours(25), end - start);
        Assert.Equal("2026-11-01", BudgetPeriods.KeyOf(BudgetPeriod.Day, NewYork, At("2026-11-01T05:30:00Z")));
    }

    [Fact]
    public void ZoneThatSkipsMidnightStartsTheDayWhenTheClockResumes()
    {
        // 2026-09-06: Santiago moves from UTC-4 to UTC-3 at midnight, so 00:00–00:59 local does not exist.
        var (_, start, _) = BudgetPeriods.Of(BudgetPeriod.Day, "America/Santiago", At("2026-09-06T12:00:00Z"));

        Assert.Equal(At("2026-09-06T04:00:00Z"), start);
    }

    [Theory]
    [InlineData("2026-03-02T04:59:59Z", "2026-W09")] // Sunday 23:59:59 in New York
    [InlineData("2026-03-02T05:00:00Z", "2026-W10")] // Monday 00:00 in New York
    [InlineData("2027-01-01T12:00:00Z", "2026-W53")] // a Friday that belongs to the last ISO week of 2026
    [InlineData("2024-12-30T12:00:00Z", "2025-W01")] // a Monday of December that starts ISO week 1 of 2025
    public void WeekBudgetRenewsOnMondayByIsoWeek(string instant, string week) =>
        Assert.Equal(week, BudgetPeriods.KeyOf(BudgetPeriod.Week, NewYork, At(instant)));

    [Fact]
    public void WeekBoundsRunFromMondayToMonday()
    {
        var (_, start, end) = BudgetPeriods.Of(BudgetPeriod.Week, NewYork, At("2026-03-04T12:00:00Z"));

        Assert.Equal(At("2026-03-02T05:00:00Z"), start); // Monday 00:00 EST
        Assert.Equal(At("2026-03-09T04:00:00Z"), end); // the next Monday 00:00, EDT by then
    }

    [Fact]
    public void MonthBudgetRenewsOnTheFirstAtLocalMidnight()
    {
        Assert.Equal("2026-01", BudgetPeriods.KeyOf(BudgetPeriod.Month, NewYork, At("2026-02-01T04:59:59Z")));
        Assert.Equal("2026-02", BudgetPeriods.KeyOf(BudgetPeriod.Month, NewYork, At("2026-02-01T05:00:00Z")));
    }

    [Fact]
    public void TotalBudgetNeverRenews() =>
        Assert.Equal(BudgetPeriods.TotalKey, BudgetPeriods.KeyOf(BudgetPeriod.Total, NewYork, At("2026-02-01T05:00:00Z")));

    [Theory]
    [InlineData("America/New_York", true)]
    [InlineData("Europe/Berlin", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    public void TimeZonesAreIanaIds(string id, bool known) => Assert.Equal(known, BudgetPeriods.TryFindZone(id, out _));

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
