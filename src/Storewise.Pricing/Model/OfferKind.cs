namespace Storewise.Pricing;

/// <summary>The category kind of an offer (docs/spec.md §2.2).</summary>
public enum OfferKind
{
    CartLevelPercentage,
    CartLevelFixed,
    ProductLevelPercentage,
    ProductLevelFixed,
    BogoPercentage,
    BogoFixed,
    BundlePercentage,
    BundleFixed,
    FreeShippingPercentage,
    FreeShippingFixed,
    FreeGift,
}
