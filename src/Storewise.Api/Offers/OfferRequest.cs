using System.Text.Json.Nodes;

namespace Storewise.Api.Offers;

/// <summary>
/// The body of create and update for promotions and coupons (docs/spec.md §1.2, §1.3). Everything is optional here so
/// that <see cref="OfferValidator"/> can name each missing field; <c>category</c> stays raw JSON so unknown
/// members survive (docs/spec.md §D5). Coupon-only fields are ignored on promotions (docs/spec.md §8 #30). <c>tenant</c> (sent by the
/// vendor's update schema) is read-only like the audit fields: the tenant always comes from the token. <c>codes</c> is
/// taken only by a preview's inline offer, which it makes a coupon with those codes (docs/decisions/0708-inline-coupon-previews.md).
/// </summary>
public sealed record OfferRequest(
    string? Name,
    string? Description,
    bool? Active,
    bool? LocalizedTimezone,
    string? ValidFrom,
    string? ValidTo,
    JsonNode? Category,
    IReadOnlyList<CurrencyRequest?>? Currencies,
    IReadOnlyList<string?>? Stores,
    bool? Exclusive,
    SegmentRequest? Segment,
    bool? SingleUse,
    IReadOnlyList<string?>? Consumers,
    string? ExternalId,
    string? Version,
    string? Id,
    LimitsRequest? Limits = null,
    BudgetRequest? Budget = null,
    string? TimeZone = null,
    IReadOnlyList<string?>? Codes = null);

/// <summary>A currency entry as sent: <c>{"code", "minimumCartValue"}</c>.</summary>
public sealed record CurrencyRequest(string? Code, decimal? MinimumCartValue);

/// <summary>A segment as sent: all of <c>key</c>, <c>value</c> and <c>schema</c>, or null.</summary>
public sealed record SegmentRequest(string? Key, string? Value, int? Schema);

/// <summary>Count limits as sent (docs/pricing-semantics.md, "Limits and budgets").</summary>
public sealed record LimitsRequest(int? MaxRedemptions, int? MaxRedemptionsPerCode, int? MaxRedemptionsPerCustomer);

/// <summary>A budget as sent: <c>amounts</c> and/or <c>redemptions</c>, a <c>period</c> and <c>perStore</c>.</summary>
public sealed record BudgetRequest(IReadOnlyList<BudgetAmountRequest?>? Amounts, int? Redemptions, string? Period, bool? PerStore);

/// <summary>A money budget entry as sent: <c>{"currency", "amount"}</c>.</summary>
public sealed record BudgetAmountRequest(string? Currency, decimal? Amount);
