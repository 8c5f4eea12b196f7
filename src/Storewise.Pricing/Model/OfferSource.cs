namespace Storewise.Pricing;

/// <summary>Where an offer comes from: an automatic promotion or a coupon redeemed by code.</summary>
public enum OfferSource
{
    Promotion,
    Coupon,
}
