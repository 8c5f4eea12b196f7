using Storewise.Api.PromotionsConfiguration;

namespace Storewise.Api.Carts;

/// <summary>
/// What a compiled promotion set takes from a tenant besides its offers: exclusions, coupon stacking, how naive
/// times are read, store zones. When any of it changed, the set is compiled afresh instead of updated.
/// </summary>
public sealed record CatalogueSettings(IReadOnlyList<string> Exclusions, bool Stackable, LocalizedTimezoneReading TimeReading, IReadOnlyList<(string StoreId, string TimeZone)> StoreZones)
{
    public bool SameAs(CatalogueSettings other) =>
        Stackable == other.Stackable
        && TimeReading == other.TimeReading
        && Exclusions.SequenceEqual(other.Exclusions, StringComparer.Ordinal)
        && StoreZones.OrderBy(static z => z.StoreId, StringComparer.Ordinal).SequenceEqual(other.StoreZones.OrderBy(static z => z.StoreId, StringComparer.Ordinal));
}
