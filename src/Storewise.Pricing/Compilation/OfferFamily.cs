namespace Storewise.Pricing;

/// <summary>How an offer takes money off: the five families of the kind sequence (docs/spec.md §4.2).</summary>
internal enum OfferFamily
{
    Bundle,
    Product,
    Cart,
    Bogo,
    Shipping,
    Gift,
}
