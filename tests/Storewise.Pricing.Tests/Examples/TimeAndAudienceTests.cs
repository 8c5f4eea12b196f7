using Storewise.Pricing.Tests.Support;
using static Storewise.Pricing.Tests.Support.Carts;

namespace Storewise.Pricing.Tests.Examples;

/// <summary>docs/pricing-semantics.md, "Time and audience": schedules across DST days, store-local validity, channels, customer conditions, minimum quantity.</summary>
public sealed class TimeAndAudienceTests
{
    private static readonly Cart TenEuros = Of(Item("a", 10.00m));

    private static Offer CartTenPercent() => Offers.Percent("p", OfferKind.CartLevelPercentage, 10);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    private static bool Applies(Store store, Cart cart, DateTimeOffset at) => store.Price(cart, at).DiscountTotal > 0;

    [Fact]
    public void BerlinSpringForwardSkipsAWindowInsideTheMissingHour()
    {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST, at 01:00Z.
        var inGap = Store.With(CartTenPercent().Scheduled("Europe/Berlin", "02:00", "03:00", DayOfWeek.Sunday));
        var overGap = Store.With(CartTenPercent().Scheduled("Europe/Berlin", "02:30", "04:00", DayOfWeek.Sunday));

        Assert.False(Applies(inGap, TenEuros, Utc(2026, 3, 29, 0, 59, 59)));
        Assert.False(Applies(inGap, TenEuros, Utc(2026, 3, 29, 1, 0)));
        Assert.Equal(ReasonCodes.OutsideSchedule, inGap.Price(TenEuros, Utc(2026, 3, 29, 1, 0)).ReasonFor("p"));
        Assert.False(Applies(overGap, TenEuros, Utc(2026, 3, 29, 0, 59, 59)));
        Assert.True(Applies(overGap, TenEuros, Utc(2026, 3, 29, 1, 0)));
        Assert.True(Applies(overGap, TenEuros, Utc(2026, 3, 29, 1, 59, 59)));
        Assert.False(Applies(overGap, TenEuros, Utc(2026, 3, 29, 2, 0)));
    }

    [Fact]
    public void BerlinFallBackOpensAWindowOverTheRepeatedHourTwice()
    {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET, at 01:00Z; the clock reads 02:00-03:00 from 00:00Z to 02:00Z.
        var store = Store.With(CartTenPercent().Scheduled("Europe/Berlin", "02:00", "03:00", DayOfWeek.Sunday));

        Assert.False(Applies(store, TenEuros, Utc(2026, 10, 24, 23, 59, 59)));
        Assert.True(Applies(store, TenEuros, Utc(2026, 10, 25, 0, 30)));
        Assert.True(Applies(store, TenEuros, Utc(2026, 10, 25, 1, 30)));
        Assert.False(Applies(store, TenEuros, Utc(2026, 10, 25, 2, 0)));
    }

    [Fact]
    public void NewYorkHappyHourFollowsTheLocalClockOverTheDstDays()
    {
        var store = Store.With(CartTenPercent().Scheduled("America/New_York", "17:00", "19:00", DayOfWeek.Saturday, DayOfWeek.Sunday));

        // Saturday 2026-03-07 is EST (UTC-5), Sunday 2026-03-08 EDT (UTC-4).
        Assert.True(Applies(store, TenEuros, Utc(2026, 3, 7, 22, 0)));
        Assert.False(Applies(store, TenEuros, Utc(2026, 3, 8, 20, 59, 59)));
        Assert.True(Applies(store, TenEuros, Utc(2026, 3, 8, 21, 0)));
        Assert.False(Applies(store, TenEuros, Utc(2026, 3, 8, 23, 0)));

        // Sunday 2026-11-01 is back to EST: 17:00 is 22:00Z.
        Assert.False(Applies(store, TenEuros, Utc(2026, 11, 1, 21, 30)));
        Assert.True(Applies(store, TenEuros, Utc(2026, 11, 1, 22, 0)));
    }

    [Fact]
    public void WindowCrossingMidnightClosesOnTheNextDay()
    {
        var store = Store.With(CartTenPercent().Scheduled(null, "22:00", "02:00", DayOfWeek.Friday));

        // 2026-06-05 is a Friday.
        Assert.False(Applies(store, TenEuros, Utc(2026, 6, 5, 21, 59, 59)));
        Assert.True(Applies(store, TenEuros, Utc(2026, 6, 5, 23, 30)));
        Assert.True(Applies(store, TenEuros, Utc(2026, 6, 6, 1, 59, 59)));
        Assert.False(Applies(store, TenEuros, Utc(2026, 6, 6, 2, 0)));
        Assert.False(Applies(store, TenEuros, Utc(2026, 6, 6, 23, 0)));
        Assert.False(Applies(store, TenEuros, Utc(2026, 6, 5, 1, 0)));
    }

    [Fact]
    public void StoreLocalMidnightStartsInAucklandBeforeLosAngeles()
    {
        // Black Friday 00:00 read in each store's zone: Auckland (NZDT, UTC+13) at 11:00Z the day before, Los Angeles (PST, UTC-8) at 08:00Z.
        var naive = new DateTime(2026, 11, 27, 0, 0, 0);
        var offer = CartTenPercent() with
        {
            ValidFrom = new DateTimeOffset(naive, TimeSpan.Zero),
            StoreLocal = true,
            StoreLocalValidity = new StoreLocalValidity(naive, null),
        };
        var store = Store.With(offer).StoreZone("akl", "Pacific/Auckland").StoreZone("lax", "America/Los_Angeles");
        var auckland = TenEuros with { StoreId = "akl" };
        var losAngeles = TenEuros with { StoreId = "lax" };
        var unknown = TenEuros with { StoreId = "nowhere" };

        Assert.False(Applies(store, auckland, Utc(2026, 11, 26, 10, 59, 59)));
        Assert.True(Applies(store, auckland, Utc(2026, 11, 26, 11, 0)));
        Assert.Equal(ReasonCodes.NotStarted, store.Price(losAngeles, Utc(2026, 11, 26, 11, 0)).ReasonFor("p"));
        Assert.False(Applies(store, losAngeles, Utc(2026, 11, 27, 7, 59, 59)));
        Assert.True(Applies(store, losAngeles, Utc(2026, 11, 27, 8, 0)));

        // A store without a zone reads the naive time as UTC, and explain says so.
        Assert.False(Applies(store, unknown, Utc(2026, 11, 26, 23, 59, 59)));
        var fallback = store.Price(unknown, Utc(2026, 11, 27, 0, 0));
        Assert.Equal(1.00m, fallback.DiscountTotal);
        Assert.Equal(new StoreTimeReading("nowhere", "UTC", Fallback: true), fallback.StoreTime);
        Assert.Equal(new StoreTimeReading("akl", "Pacific/Auckland", Fallback: false), store.Price(auckland).StoreTime);
    }

    [Fact]
    public void StoreLocalEndIsInclusiveAtTheStoreLocalInstant()
    {
        var naiveEnd = new DateTime(2026, 7, 1, 23, 59, 59);
        var offer = CartTenPercent() with
        {
            ValidTo = new DateTimeOffset(naiveEnd, TimeSpan.Zero),
            StoreLocal = true,
            StoreLocalValidity = new StoreLocalValidity(null, naiveEnd),
        };
        var store = Store.With(offer).StoreZone("nyc", "America/New_York");
        var cart = TenEuros with { StoreId = "nyc" };

        // 23:59:59 EDT is 03:59:59Z the next day.
        Assert.True(Applies(store, cart, Utc(2026, 7, 2, 3, 59, 59)));
        Assert.Equal(ReasonCodes.Expired, store.Price(cart, Utc(2026, 7, 2, 4, 0)).ReasonFor("p"));
    }

    [Fact]
    public void ChannelTypesMatchTheCartChannel()
    {
        var store = Store.With(CartTenPercent() with { ChannelTypes = ["store"] });

        Assert.Equal(1.00m, store.Price(TenEuros with { ChannelType = "store" }).DiscountTotal);
        Assert.Equal(ReasonCodes.ChannelNotEligible, store.Price(TenEuros with { ChannelType = "web" }).ReasonFor("p"));
        Assert.Equal(ReasonCodes.ChannelNotEligible, store.Price(TenEuros).ReasonFor("p"));
        Assert.Equal(1.00m, Store.With(CartTenPercent()).Price(TenEuros with { ChannelType = "web" }).DiscountTotal);
    }

    [Fact]
    public void CustomerConditionsNeedAllOfAndOneOfAnyOf()
    {
        var conditions = new CustomerConditions(
            [new AttributeCondition("tier", ["gold", "platinum"])],
            [new AttributeCondition("country", ["DE"]), new AttributeCondition("country", ["AT"])]);
        var store = Store.With(CartTenPercent() with { CustomerConditions = conditions });
        Cart With(params (string Key, string Value)[] attributes) => TenEuros with { CustomerAttributes = attributes.ToDictionary(a => a.Key, a => a.Value) };

        Assert.Equal(1.00m, store.Price(With(("tier", "gold"), ("country", "AT"))).DiscountTotal);
        Assert.Equal(1.00m, store.Price(With(("tier", "platinum"), ("country", "DE"))).DiscountTotal);
        Assert.Equal(ReasonCodes.SegmentNotMatched, store.Price(With(("tier", "gold"), ("country", "FR"))).ReasonFor("p"));
        Assert.Equal(ReasonCodes.SegmentNotMatched, store.Price(With(("tier", "Gold"), ("country", "DE"))).ReasonFor("p"));
        Assert.Equal(ReasonCodes.SegmentNotMatched, store.Price(TenEuros).ReasonFor("p"));
    }

    [Fact]
    public void MinimumQuantityCountsTheUnitsTheTargetingSelects()
    {
        var offer = Offers.Percent("p", OfferKind.ProductLevelPercentage, 20).OnProducts("P") with { MinimumQuantity = 3 };
        var store = Store.With(offer);

        var short1 = store.Price(Of(Item("p", 10.00m, 2, "P"), Item("q", 5.00m, 5, "Q")));
        Assert.Equal(ReasonCodes.BelowMinimumQuantity, short1.ReasonFor("p"));
        Assert.Equal(6.00m, store.Price(Of(Item("p", 10.00m, 3, "P"))).DiscountTotal);
    }

    [Fact]
    public void MinimumQuantityOfACartOfferCountsEveryLineThatIsNotExcluded()
    {
        var store = Store.With(CartTenPercent() with { MinimumQuantity = 3 }).Excluding("X");

        Assert.Equal(ReasonCodes.BelowMinimumQuantity, store.Price(Of(Item("a", 10.00m, 2), Item("x", 10.00m, 1, "X"))).ReasonFor("p"));
        Assert.Equal(3.00m, store.Price(Of(Item("a", 10.00m, 3))).DiscountTotal);
    }
}
