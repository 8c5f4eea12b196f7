namespace Storewise.Pricing;

/// <summary>
/// What every stage may read about one evaluation and none may change: the cart, the instant it is priced at, the
/// cart currency (its minor-unit exponent and catalog currency id, see <see cref="CurrencyIds"/>) and the catalog
/// total of all its lines (docs/pricing-rules.md A35), and the usage state of limited offers by offer id (<see cref="OfferUsage"/>);
/// the zone of the cart's store from the catalogue's store registry (null when it has none) and the loaded lines.
/// </summary>
internal readonly record struct EvaluationContext(
    Cart Cart,
    DateTimeOffset EvaluatedAt,
    int Exponent,
    int CurrencyId,
    decimal CatalogTotalValue,
    IReadOnlyDictionary<string, OfferUsage> Usage,
    TimeZoneInfo? StoreZone = null,
    CartLineTable? Lines = null);
