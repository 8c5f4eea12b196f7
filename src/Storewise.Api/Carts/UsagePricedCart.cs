using Storewise.Api.Limits;
using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>A priced cart with the catalogue and the usage of limited offers it was priced with.</summary>
public sealed record UsagePricedCart(PricingResult Result, PromotionCatalog Catalog, UsageSnapshot Usage);
