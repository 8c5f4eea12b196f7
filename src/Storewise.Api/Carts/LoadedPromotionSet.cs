using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>
/// A tenant's compiled promotion set with what it was compiled from: each stored offer's type and version token by
/// id, and the settings (null when unknown), so that the next load can read only what changed. <c>Derived</c> says
/// whether the set was derived from the previous one by an incremental update rather than compiled afresh.
/// </summary>
public sealed record LoadedPromotionSet(
    PromotionCatalog Catalog, IReadOnlyDictionary<string, StoredOfferVersion> Offers, CatalogueSettings? Settings, bool Derived);
