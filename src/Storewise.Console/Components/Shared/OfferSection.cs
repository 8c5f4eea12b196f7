namespace Storewise.BackOffice.Components.Shared;

/// <summary>Promotions or coupons: the one offer model of the API under its two routes.</summary>
public sealed record OfferSection(string Path, string ApiPath, string Member, string Title, string Singular, string ListOperation, string CreateOperation, string ReplaceOperation)
{
    public static readonly OfferSection Promotions = new(
        "promotions", "/v0/promotions/promotion", "promotion", "Promotions", "promotion", "ListPromotions", "CreatePromotion", "ReplacePromotion");

    public static readonly OfferSection Coupons = new(
        "coupons", "/v0/promotions/coupon", "coupon", "Coupons", "coupon", "ListCoupons", "CreateCoupon", "ReplaceCoupon");

    public bool IsCoupon => this == Coupons;

    /// <summary>The section of a console URL (<c>/console/coupons/...</c> is coupons).</summary>
    public static OfferSection ForUri(string uri) =>
        new Uri(uri).AbsolutePath.StartsWith("/console/coupons", StringComparison.Ordinal) ? Coupons : Promotions;
}
