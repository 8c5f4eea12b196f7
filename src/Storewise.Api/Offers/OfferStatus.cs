using Storewise.Pricing;

namespace Storewise.Api.Offers;

/// <summary>The derived <c>status</c> of an offer at a given instant (docs/spec.md §2.4, OMM columns).</summary>
public static class OfferStatus
{
    public const string Disabled = "Disabled";
    public const string Planned = "Planned";
    public const string Running = "Running";
    public const string Past = "Past";

    /// <summary>Running, but outside every window of its schedule now (docs/pricing-semantics.md, "Time and audience").</summary>
    public const string Scheduled = "Scheduled";

    // The schedule is judged in the offer's zone, else UTC: a store-local schedule has no one zone to show here.
    public static string Of(OfferDocument offer, DateTimeOffset now) =>
        !offer.Active ? Disabled
        : now < EngineOffers.InstantOf(offer, offer.ValidFrom) ? Planned
        : offer.ValidTo is not null && now > EngineOffers.InstantOf(offer, offer.ValidTo) ? Past
        : offer.Schedule is not null && !Schedules.IsOpen(EngineOffers.ScheduleOf(offer), ZoneTimes.LocalTime(now, EngineOffers.ZoneOf(offer) ?? TimeZoneInfo.Utc)) ? Scheduled
        : Running;
}
