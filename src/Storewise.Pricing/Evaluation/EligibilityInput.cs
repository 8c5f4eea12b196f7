namespace Storewise.Pricing;

/// <summary>
/// The facts the eligibility checks read: from a cart being priced, or from a redemption, which has no cart
/// (<see cref="HasCart"/> false: no store and no customer attributes to check).
/// </summary>
internal readonly record struct EligibilityInput(
    DateTimeOffset At,
    int CurrencyId,
    decimal CatalogTotal,
    string? CustomerId,
    bool HasCart,
    string? StoreId,
    IReadOnlyDictionary<string, string>? CustomerAttributes);
