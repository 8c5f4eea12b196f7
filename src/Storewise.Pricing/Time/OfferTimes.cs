namespace Storewise.Pricing;

/// <summary>
/// An offer's validity ends and schedule zone for one cart: a store-local offer reads its naive times in the zone of
/// the cart's store, or as UTC when the store has none (docs/pricing-semantics.md, "Time and audience").
/// </summary>
internal static class OfferTimes
{
    /// <summary>The most a zone's offset moves a wall-clock time from UTC: the index widens store-local windows by this.</summary>
    public static readonly TimeSpan WidestOffset = TimeSpan.FromHours(14);

    public static DateTimeOffset ValidFrom(CompiledOffer offer, TimeZoneInfo? storeZone)
    {
        var definition = offer.Offer;
        return storeZone is not null && definition.StoreLocalValidity?.From is { } local ? ZoneTimes.ToInstant(local, storeZone) : definition.ValidFrom;
    }

    public static DateTimeOffset? ValidTo(CompiledOffer offer, TimeZoneInfo? storeZone)
    {
        var definition = offer.Offer;
        return storeZone is not null && definition.StoreLocalValidity?.To is { } local ? ZoneTimes.ToInstant(local, storeZone) : definition.ValidTo;
    }

    public static TimeZoneInfo ScheduleZone(CompiledOffer offer, TimeZoneInfo? storeZone) =>
        offer.Offer.Zone ?? (offer.Offer.StoreLocal ? storeZone : null) ?? TimeZoneInfo.Utc;
}
