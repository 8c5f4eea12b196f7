using System.ComponentModel;
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
    [property: Description("Cart-level kinds: tiers by minimumCartValue; product-level kinds: volume tiers by minimumQuantity (qualifying units). Thresholds strictly ascending, discounts not falling; the highest tier reached replaces the category's discount. Empty or absent means none.")]
    IReadOnlyList<TierRequest?>? Tiers = null,
    [property: Description("The most the offer takes off one cart, per currency (one of the offer's currencies), spread over its lines by largest remainder. Empty or absent means no cap.")]
    IReadOnlyList<MoneyRequest?>? MaxDiscount = null,
    [property: Description("Product-level kinds: at most this many units of each line are discounted.")]
    int? MaxQuantity = null,
    [property: Description("BOGO kinds, with get: the units bought per application. FreeGift: the units that earn the gift.")]
    UnitSetRequest? Buy = null,
    [property: Description("BOGO kinds, with buy: the units given per application; a unit is never both bought and given.")]
    UnitSetRequest? Get = null,
    [property: Description("BOGO kinds: give the cheapest qualifying units (the default) or the most expensive.")]
    GetOrder? GetOrder = null,
    [property: Description("BOGO kinds: the most applications per cart (default: as many as the cart holds). FreeGift with buy: default 1.")]
    int? MaxApplications = null,
    [property: Description("FreeGift: the products given, with their quantity per application (at least one). Other kinds: empty or absent.")]
    IReadOnlyList<GiftRequest?>? Gifts = null,
    [property: Description("Within one family of the pricing sequence, a higher priority applies first; default 0, ties keep the documented order.")]
    int? Priority = null,
    [property: Description("A group name: of the offers of one group that could apply to a cart, only the one saving the customer most applies.")]
    string? StackingGroup = null,
    [property: Description("When true, once the offer applies no later offer discounts the lines it discounted.")]
    bool? StopFurther = null,
    [property: Description("Recurring windows inside the validity, e.g. Fri and Sat 17:00-19:00, judged on the wall clock of the offer's timeZone (or the store's, with the storeLocal setting); absent means always open.")]
    IReadOnlyList<ScheduleWindowRequest?>? Schedule = null,
    [property: Description("Channel types the offer applies in, matched exactly against the cart's channelType (e.g. store, web); empty or absent means every channel.")]
    IReadOnlyList<string?>? ChannelTypes = null,
    [property: Description("Customer attribute conditions beside segment (allOf and anyOf of {key, value} or {key, values}), matched against customerAttributes.")]
    CustomerConditionsRequest? CustomerConditions = null,
    [property: Description("Units of the products the offer targets (every product for cart and shipping kinds) the cart needs, beside minimumCartValue; at least 1, absent means no minimum.")]
    int? MinimumQuantity = null,
    [property: Description("Cart previews only: the codes of an inline coupon. Refused on create and replace, where codes have their own routes.")]
    IReadOnlyList<string?>? Codes = null);

/// <summary>A recurring window of the offer's schedule, judged in the offer's timeZone (or the store's, with the storeLocal setting).</summary>
public sealed record ScheduleWindowRequest(
    [property: Description("Days the window opens on; at least one.")] IReadOnlyList<ScheduleDay>? Days,
    [property: Description("Local opening time, HH:mm (inclusive).")] string? From,
    [property: Description("Local closing time, HH:mm (exclusive); not after from means the window closes the next day.")] string? To);

/// <summary>Customer attribute conditions beside the segment, matched against the cart's customerAttributes (exact, case-sensitive).</summary>
public sealed record CustomerConditionsRequest(
    [property: Description("Conditions that must all hold.")] IReadOnlyList<AttributeConditionRequest?>? AllOf,
    [property: Description("Conditions of which at least one must hold; empty or absent means no such condition.")] IReadOnlyList<AttributeConditionRequest?>? AnyOf);

/// <summary>One attribute condition: the attribute key must equal value, or one of values (send one of the two).</summary>
public sealed record AttributeConditionRequest(
    [property: Description("The customer attribute's name.")] string? Key,
    [property: Description("The value the attribute must have.")] string? Value,
    [property: Description("Values of which the attribute must have one.")] IReadOnlyList<string?>? Values);

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
