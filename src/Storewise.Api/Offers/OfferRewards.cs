namespace Storewise.Api.Offers;

/// <summary>
/// The reward and stacking fields of an offer (docs/pricing-semantics.md, "Rewards and stacking"), as validated;
/// null on an offer that sets none, which then prices and answers exactly as before they existed. A field not
/// sent is null or empty.
/// </summary>
/// <param name="Tiers">Ascending tiers; empty for none.</param>
/// <param name="MaxDiscount">The cap per currency; empty for none.</param>
/// <param name="MaxQuantity">Product-level kinds: units of each line discounted at most.</param>
/// <param name="Buy">BOGO kinds with <paramref name="Get"/>, or FreeGift: the units bought.</param>
/// <param name="Get">BOGO kinds: the units given.</param>
/// <param name="GetOrder">BOGO kinds: which units are given.</param>
/// <param name="MaxApplications">BOGO and FreeGift kinds: applications per cart at most.</param>
/// <param name="Gifts">FreeGift: the products given.</param>
/// <param name="Priority">Order within a family of the sequence.</param>
/// <param name="StackingGroup">The group the offer competes in.</param>
/// <param name="StopFurther">Later offers leave the lines it discounted alone.</param>
public sealed record OfferRewards(
    IReadOnlyList<OfferTier> Tiers,
    IReadOnlyList<CurrencyAmount> MaxDiscount,
    int? MaxQuantity,
    OfferUnitSet? Buy,
    OfferUnitSet? Get,
    GetOrder? GetOrder,
    int? MaxApplications,
    IReadOnlyList<OfferGift> Gifts,
    int? Priority,
    string? StackingGroup,
    bool? StopFurther);

/// <summary>One tier: a threshold (<c>minimumCartValue</c> or <c>minimumQuantity</c>) and a percent or amounts.</summary>
public sealed record OfferTier(decimal? MinimumCartValue, int? MinimumQuantity, decimal? Discount, IReadOnlyList<CurrencyAmount> Discounts);

/// <summary>A buy or get set: units per application of the products and category paths given.</summary>
public sealed record OfferUnitSet(int Quantity, IReadOnlyList<string> IncludedProducts, IReadOnlyList<CategoryPath> IncludedCategories);

/// <summary>A gift product with its units per application.</summary>
public sealed record OfferGift(string ProductId, int Quantity);
