using Storewise.Pricing;

namespace Storewise.Api.Offers;

/// <summary>The two kinds of offer kept in the <c>offers</c> table.</summary>
public enum OfferType
{
    /// <summary>An automatic promotion: applies without a code.</summary>
    Promotion,

    /// <summary>A coupon: applies through one of its codes.</summary>
    Coupon,
}

public static class OfferTypes
{
    // docs/spec.md §2.2, §D5: coupons take every kind but the two bundle kinds (FreeGift included, docs/pricing-semantics.md, "Gifts"). The order is the one validation messages list.
    private static readonly OfferKind[] CouponKinds =
    [
        OfferKind.CartLevelFixed, OfferKind.CartLevelPercentage, OfferKind.ProductLevelFixed, OfferKind.ProductLevelPercentage,
        OfferKind.BogoFixed, OfferKind.BogoPercentage, OfferKind.FreeShippingFixed, OfferKind.FreeShippingPercentage, OfferKind.FreeGift,
    ];

    private static readonly OfferKind[] PromotionKinds = [.. CouponKinds, OfferKind.BundleFixed, OfferKind.BundlePercentage];

    /// <summary>The category kinds an offer of this type may have.</summary>
    public static IReadOnlyList<OfferKind> Kinds(this OfferType type) => type == OfferType.Coupon ? CouponKinds : PromotionKinds;

    /// <summary>The value of the <c>offers.type</c> column, also the resource name in bodies and links.</summary>
    public static string Name(this OfferType type) => type == OfferType.Coupon ? "coupon" : "promotion";

    /// <summary>The resource path relative to the service prefix, e.g. <c>/coupon</c>.</summary>
    public static string Path(this OfferType type) => "/" + type.Name();

    public static OfferType Parse(string name) => name switch
    {
        "coupon" => OfferType.Coupon,
        "promotion" => OfferType.Promotion,
        _ => throw new FormatException($"unknown offer type '{name}'"),
    };
}
