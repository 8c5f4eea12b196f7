namespace Storewise.Pricing;

/// <summary>Facts about each <see cref="OfferKind"/>: family, place in the sequence, and entry level.</summary>
internal static class OfferKinds
{
    public const string ItemLevel = "item";
    public const string CartLevel = "cart";
    public const string ShippingLevel = "shipping";

    /// <summary>
    /// Place in the kind sequence: bundles, product %, product fixed, cart %, cart fixed, BOGO %, BOGO fixed,
    /// free shipping % then fixed (SPEC 4.2, A02). Both bundle kinds share a place: they are ordered by money saved (A05).
    /// </summary>
    public static int SequenceRank(OfferKind kind) => kind switch
    {
        OfferKind.BundlePercentage or OfferKind.BundleFixed => 0,
        OfferKind.ProductLevelPercentage => 1,
        OfferKind.ProductLevelFixed => 2,
        OfferKind.CartLevelPercentage => 3,
        OfferKind.CartLevelFixed => 4,
        OfferKind.BogoPercentage => 5,
        OfferKind.BogoFixed => 6,
        OfferKind.FreeShippingPercentage => 7,
        OfferKind.FreeShippingFixed => 8,
        _ => 9,
    };

    public static OfferFamily Family(OfferKind kind) => kind switch
    {
        OfferKind.BundlePercentage or OfferKind.BundleFixed => OfferFamily.Bundle,
        OfferKind.ProductLevelPercentage or OfferKind.ProductLevelFixed => OfferFamily.Product,
        OfferKind.CartLevelPercentage or OfferKind.CartLevelFixed => OfferFamily.Cart,
        OfferKind.BogoPercentage or OfferKind.BogoFixed => OfferFamily.Bogo,
        _ => OfferFamily.Shipping,
    };

    public static bool IsPercent(OfferKind kind) => kind is OfferKind.CartLevelPercentage
        or OfferKind.ProductLevelPercentage or OfferKind.BogoPercentage or OfferKind.BundlePercentage
        or OfferKind.FreeShippingPercentage;

    /// <summary>The entry level (A54): item for product, BOGO and bundle kinds.</summary>
    public static string Level(OfferFamily family) => family switch
    {
        OfferFamily.Cart => CartLevel,
        OfferFamily.Shipping => ShippingLevel,
        _ => ItemLevel,
    };

    /// <summary>Families that need at least one line selected by their targeting to be eligible (A25).</summary>
    public static bool NeedsTargetedLine(OfferFamily family) =>
        family is OfferFamily.Product or OfferFamily.Bogo or OfferFamily.Bundle;
}
