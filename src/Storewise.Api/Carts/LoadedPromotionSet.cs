using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>
/// A tenant's compiled promotion set with what it was compiled from: the catalogue version it holds every change of
/// (it may hold later ones too), how many of the tenant's versions were taken by writes that stamp no offer row, and
/// the settings (null when unknown), so that the next load can read only the offers written or removed since
/// (docs/decisions/0523-offer-rows-stamped-with-the-catalogue-version.md). <c>Derived</c> says whether the set was
/// derived from the previous one by an incremental update rather than compiled afresh.
/// </summary>
public sealed record LoadedPromotionSet(
    PromotionCatalog Catalog, long Version, long UnstampedVersions, CatalogueSettings? Settings, bool Derived);
