namespace Storewise.Pricing;

/// <summary>The category kind of an offer (SPEC 2.2).</summary>
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
}
