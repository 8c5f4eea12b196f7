using Storewise.Api.Common;

namespace Storewise.Api.Redemptions;

/// <summary>
/// The checks of SPEC 4.5 that a redemption can make, in the precedence of PRICING-RULES A34: not found,
/// inactive (code, then coupon), not started, expired, already redeemed, currency, minimum cart value, customer.
/// The store and segment checks need cart data a redemption does not carry.
/// </summary>
public static class RedemptionEligibility
{
    public static RedemptionFailure? Check(string requested, RedeemableCode? code, CouponTerms? terms, Redemption redemption, DateTimeOffset now)
    {
        if (code is null || code.CouponActive is null || terms is null)
        {
            return RedemptionFailure.NotFound(requested);
        }

        if (!code.Active)
        {
            return RedemptionFailure.Ineligible("coupon_code_inactive", $"coupon code '{requested}' is not active");
        }

        if (code.CouponActive != true)
        {
            return RedemptionFailure.Ineligible("coupon_not_active", $"the coupon of code '{requested}' is not active");
        }

        var at = Timestamps.ToUnixMs(now);
        if (at < code.ValidFrom)
        {
            return RedemptionFailure.Ineligible("coupon_not_started", $"the coupon of code '{requested}' is not valid yet");
        }

        if (code.ValidTo is { } end && at > end)
        {
            return RedemptionFailure.Ineligible("coupon_expired", $"the coupon of code '{requested}' has expired");
        }

        // Fast answer for the common case; the conditional update decides under concurrency.
        if (terms.SingleUse && code.Redemptions > 0)
        {
            return RedemptionFailure.AlreadyRedeemed(requested);
        }

        var currency = terms.Currencies.FirstOrDefault(c => string.Equals(c.Code, redemption.Currency, StringComparison.OrdinalIgnoreCase));
        if (currency is null)
        {
            return RedemptionFailure.Ineligible("currency_not_eligible", $"the coupon of code '{requested}' does not accept {redemption.Currency}");
        }

        if (redemption.CatalogTotal < currency.MinimumCartValue)
        {
            return RedemptionFailure.Ineligible(
                "below_minimum_cart_value",
                $"the coupon of code '{requested}' needs a catalog total of at least {currency.MinimumCartValue} {currency.Code}");
        }

        if (terms.Consumers.Count > 0 && (redemption.ConsumerId is null || !terms.Consumers.Contains(redemption.ConsumerId, StringComparer.Ordinal)))
        {
            return RedemptionFailure.Ineligible("customer_not_eligible", $"the coupon of code '{requested}' is not available to this customer");
        }

        return null;
    }
}
