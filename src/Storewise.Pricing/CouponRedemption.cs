namespace Storewise.Pricing;

/// <summary>
/// Whether a coupon code may be redeemed, decided by the same checks and precedence as a cart's
/// <c>rejectedCoupons</c> (docs/pricing-rules.md A34), so pricing and redemption cannot disagree. Pure, like <see cref="PricingEngine"/>.
/// </summary>
public static class CouponRedemption
{
    /// <summary>
    /// The verdict for <paramref name="code"/> against the coupons of <paramref name="catalog"/>: NotFound when
    /// the code or its coupon is missing, else the first failing check, else Eligible.
    /// </summary>
    public static EligibilityVerdict Check(PromotionCatalog catalog, CouponCodeState? code, RedemptionContext context)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(context);
        var coupon = catalog.FindCompiledCoupon(code?.CouponId);
        if (code is null || coupon is null)
        {
            return EligibilityVerdict.NotFound;
        }

        var order = new EligibilityInput(
            context.At, catalog.CurrencyIds.Find(context.Currency), context.CatalogTotal, context.CustomerId, HasCart: false, null, null);
        var verdict = Eligibility.Decide(coupon, code, order, out _);
        return verdict != EligibilityVerdict.Eligible
            ? verdict
            : UsageLimits.Check(coupon, code, context.CustomerId, context.Usage, MinorUnits.ClampExponent(CurrencyMinorUnits.GetExponentOrDefault(context.Currency)), out _);
    }
}
