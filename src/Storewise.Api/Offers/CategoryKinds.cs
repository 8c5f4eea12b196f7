namespace Storewise.Api.Offers;

/// <summary>
/// The ten category kinds (SPEC 2.2, D5) and the families they belong to. Coupons take every kind but the
/// two bundle kinds.
/// </summary>
public static class CategoryKinds
{
    public const string CartLevelPercentage = "CartLevelPercentage";
    public const string CartLevelFixed = "CartLevelFixed";
    public const string ProductLevelPercentage = "ProductLevelPercentage";
    public const string ProductLevelFixed = "ProductLevelFixed";
    public const string BogoPercentage = "BogoPercentage";
    public const string BogoFixed = "BogoFixed";
    public const string BundlePercentage = "BundlePercentage";
    public const string BundleFixed = "BundleFixed";
    public const string FreeShippingPercentage = "FreeShippingPercentage";
    public const string FreeShippingFixed = "FreeShippingFixed";

    public static readonly IReadOnlyList<string> ForCoupons =
    [
        CartLevelFixed, CartLevelPercentage, ProductLevelFixed, ProductLevelPercentage,
        BogoFixed, BogoPercentage, FreeShippingFixed, FreeShippingPercentage,
    ];

    public static readonly IReadOnlyList<string> ForPromotions = [.. ForCoupons, BundleFixed, BundlePercentage];

    public static IReadOnlyList<string> AllowedFor(OfferType type) => type == OfferType.Coupon ? ForCoupons : ForPromotions;

    /// <summary>Percent kinds carry <c>discount</c>; the others carry amounts per currency.</summary>
    public static bool IsPercentage(string kind) => kind.EndsWith("Percentage", StringComparison.Ordinal);

    public static bool IsFixed(string kind) => kind.EndsWith("Fixed", StringComparison.Ordinal);

    public static bool IsProductLevel(string kind) => kind is ProductLevelPercentage or ProductLevelFixed;

    public static bool IsBogo(string kind) => kind is BogoPercentage or BogoFixed;

    public static bool IsBundle(string kind) => kind is BundlePercentage or BundleFixed;

    public static bool IsCartLevel(string kind) => kind is CartLevelPercentage or CartLevelFixed;

    public static bool IsFreeShipping(string kind) => kind is FreeShippingPercentage or FreeShippingFixed;

    /// <summary>Product-level and BOGO kinds must name what they target (PRICING-RULES A12).</summary>
    public static bool RequiresTargeting(string kind) => IsProductLevel(kind) || IsBogo(kind);

    /// <summary>Kinds that carry the targeting fields (includedCategories, includedProducts, ...).</summary>
    public static bool HasTargeting(string kind) => IsProductLevel(kind) || IsBogo(kind) || IsBundle(kind);
}
