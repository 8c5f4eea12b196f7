namespace Storewise.Api.Offers;

/// <summary>
/// Count limits of an offer (docs/pricing-semantics.md, "Limits and budgets"); each null when not set.
/// <c>singleUse</c> stays the vendor's name for a per-code limit of 1.
/// </summary>
/// <param name="MaxRedemptions">Uses of the whole offer.</param>
/// <param name="MaxRedemptionsPerCode">Coupons: uses of each code.</param>
/// <param name="MaxRedemptionsPerCustomer">Uses per customer id (trimmed, case-insensitive); the offer then needs a customer id.</param>
public sealed record OfferLimits(int? MaxRedemptions, int? MaxRedemptionsPerCode, int? MaxRedemptionsPerCustomer);
