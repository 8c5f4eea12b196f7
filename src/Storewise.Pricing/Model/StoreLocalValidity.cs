namespace Storewise.Pricing;

/// <summary>
/// Naive <c>validFrom</c>/<c>validTo</c> wall-clock times to be read in the time zone of the cart's store (the
/// tenant's <c>storeLocal</c> reading of <c>localizedTimezone</c>). An end given with an offset is null here and
/// stays the instant of <see cref="Offer.ValidFrom"/>/<see cref="Offer.ValidTo"/>, which hold the UTC reading used
/// when the store has no zone.
/// </summary>
public sealed record StoreLocalValidity(DateTime? From, DateTime? To);
