namespace Storewise.Pricing;

/// <summary>
/// Offers written or deleted since a catalogue was compiled, for <see cref="PromotionCatalog.Apply"/>. An upserted
/// offer replaces the offer with its id (of either source) or is added; a removed id takes its offer out. Ids are
/// compared ordinally; when an id is both removed and upserted, the upsert wins.
/// </summary>
public sealed record CatalogueChange(IReadOnlyList<Offer> Upserted, IReadOnlyList<string> Removed)
{
    /// <summary>Offers written, none removed.</summary>
    public static CatalogueChange Upsert(params Offer[] offers) => new(offers, []);

    /// <summary>Offers removed by id, none written.</summary>
    public static CatalogueChange Remove(params string[] offerIds) => new([], offerIds);
}
