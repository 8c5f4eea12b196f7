namespace Storewise.Pricing;

/// <summary>
/// Facts about each <see cref="OfferKind"/>: its wire name, family, place in the sequence, and entry level. The
/// one kind vocabulary of the engine and the service.
/// </summary>
public static class OfferKinds
{
    internal const string ItemLevel = "item";
    internal const string CartLevel = "cart";
    internal const string ShippingLevel = "shipping";

    // The wire names (docs/spec.md §2.2) are the member names, compared exactly; looked up because Enum.ToString per
    // discount showed in cart profiles.
    private static readonly string[] WireNames = Enum.GetNames<OfferKind>();

    /// <summary>The kind as written in <c>category.kind</c>, e.g. <c>CartLevelFixed</c>.</summary>
    public static string WireName(this OfferKind kind) => WireNames[(int)kind];

    /// <summary>Reads a wire name, case-sensitively; numbers and other spellings are not kinds.</summary>
    public static bool TryParse(string? text, out OfferKind kind)
    {
        var index = text is null ? -1 : Array.IndexOf(WireNames, text);
        kind = index < 0 ? default : (OfferKind)index;
        return index >= 0;
    }

    /// <summary>
    /// Place in the kind sequence: bundles, product %, product fixed, cart %, cart fixed, BOGO %, BOGO fixed,
    /// free shipping % then fixed (docs/spec.md §4.2, docs/pricing-rules.md A02). Both bundle kinds share a place: they are ordered by money saved (docs/pricing-rules.md A05).
    /// </summary>
    internal static int SequenceRank(OfferKind kind) => kind switch
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
        OfferKind.FreeGift => -1, // before any offer prices a line: a gift in the cart is settled first (docs/pricing-semantics.md, "Gifts")
        _ => 9,
    };

    internal static OfferFamily Family(OfferKind kind) => kind switch
    {
        OfferKind.BundlePercentage or OfferKind.BundleFixed => OfferFamily.Bundle,
        OfferKind.ProductLevelPercentage or OfferKind.ProductLevelFixed => OfferFamily.Product,
        OfferKind.CartLevelPercentage or OfferKind.CartLevelFixed => OfferFamily.Cart,
        OfferKind.BogoPercentage or OfferKind.BogoFixed => OfferFamily.Bogo,
        OfferKind.FreeGift => OfferFamily.Gift,
        _ => OfferFamily.Shipping,
    };

    /// <summary>Place of a family in the sequence; priorities order offers within a family (docs/pricing-semantics.md, "Priority").</summary>
    internal static int FamilyRank(OfferFamily family) => family switch
    {
        OfferFamily.Gift => 0,
        OfferFamily.Bundle => 1,
        OfferFamily.Product => 2,
        OfferFamily.Cart => 3,
        OfferFamily.Bogo => 4,
        _ => 5,
    };

    /// <summary>FreeGift: adds products, or discounts them to zero when the cart holds them.</summary>
    public static bool IsGift(OfferKind kind) => kind == OfferKind.FreeGift;

    /// <summary>Percent kinds carry a percentage; the others (fixed kinds) carry amounts per currency.</summary>
    public static bool IsPercent(OfferKind kind) => kind is OfferKind.CartLevelPercentage
        or OfferKind.ProductLevelPercentage or OfferKind.BogoPercentage or OfferKind.BundlePercentage
        or OfferKind.FreeShippingPercentage;

    public static bool IsFixed(OfferKind kind) => !IsPercent(kind);

    /// <summary>Kinds decided on the whole cart: the two cart-level kinds, and FreeGift, which takes no amount (see <see cref="IsGift"/>).</summary>
    public static bool IsCartLevel(OfferKind kind) => Family(kind) is OfferFamily.Cart or OfferFamily.Gift;

    public static bool IsProductLevel(OfferKind kind) => Family(kind) == OfferFamily.Product;

    public static bool IsBogo(OfferKind kind) => Family(kind) == OfferFamily.Bogo;

    public static bool IsBundle(OfferKind kind) => Family(kind) == OfferFamily.Bundle;

    public static bool IsFreeShipping(OfferKind kind) => Family(kind) == OfferFamily.Shipping;

    /// <summary>Product-level and BOGO kinds must name what they target (docs/pricing-rules.md A12).</summary>
    public static bool RequiresTargeting(OfferKind kind) => IsProductLevel(kind) || IsBogo(kind);

    /// <summary>Kinds that select lines (includedCategories, includedProducts, bundle products, docs/pricing-rules.md A13, A24).</summary>
    public static bool HasTargeting(OfferKind kind) => NeedsTargetedLine(Family(kind));

    /// <summary>The entry level (docs/pricing-rules.md A54): item for product, BOGO and bundle kinds.</summary>
    internal static string Level(OfferFamily family) => family switch
    {
        OfferFamily.Cart => CartLevel,
        OfferFamily.Shipping => ShippingLevel,
        _ => ItemLevel,
    };

    /// <summary>Families that need at least one line selected by their targeting to be eligible (docs/pricing-rules.md A25).</summary>
    internal static bool NeedsTargetedLine(OfferFamily family) =>
        family is OfferFamily.Product or OfferFamily.Bogo or OfferFamily.Bundle;
}
