namespace Storewise.Pricing;

/// <summary>
/// The facts the eligibility checks read: from a cart being priced, or from a redemption, which has no cart
/// (<see cref="HasCart"/> false: no store, channel, customer attributes or lines to check).
/// <see cref="StoreZone"/> is the zone of the cart's store, null when unknown (UTC is used); with
/// <see cref="SkipThresholds"/> the schedule, minimum cart value and minimum quantity checks are left out, which is
/// how the hints step asks whether an offer fails on a threshold only.
/// </summary>
internal readonly record struct EligibilityInput(
    DateTimeOffset At,
    int CurrencyId,
    decimal CatalogTotal,
    string? CustomerId,
    bool HasCart,
    string? StoreId,
    IReadOnlyDictionary<string, string>? CustomerAttributes,
    string? ChannelType = null,
    TimeZoneInfo? StoreZone = null,
    CartLineTable? Lines = null,
    bool SkipThresholds = false);
