using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Storewise.Api.Offers;

namespace Storewise.Api.Contracts;

/// <summary>
/// The fields a promotion and a coupon share, as the API returns them. Every member is always present (an
/// absent value is null or []) except the usage limits and the reward and stacking fields, which appear only when set. This type only documents the answer (the answer itself is built from the stored
/// offer document); the API tests check every real answer against it.
/// </summary>
public abstract record OfferResource
{
    /// <summary>The offer's id, given by the service.</summary>
    public required string Id { get; init; }

    /// <summary>Unique per tenant and offer type.</summary>
    public required string Name { get; init; }

    /// <summary>Free text; null when not sent (or the name, when the service is configured to show it instead).</summary>
    public required string? Description { get; init; }

    /// <summary>Start of validity as sent: RFC 3339, or a naive local time when <c>localizedTimezone</c> is true.</summary>
    public required string ValidFrom { get; init; }

    /// <summary>End of validity in the same form as <c>validFrom</c>; null means open-ended.</summary>
    public required string? ValidTo { get; init; }

    /// <summary>The discount definition (<c>kind</c> and its parameters), echoed as sent, unknown members included.</summary>
    public required JsonObject Category { get; init; }

    /// <summary>Whether the offer takes part in pricing (within its validity).</summary>
    public required bool Active { get; init; }

    /// <summary>When the offer was created (RFC 3339, UTC).</summary>
    public required string CreatedAt { get; init; }

    /// <summary>The user (token <c>sub</c>) who created the offer.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When the offer was last replaced (RFC 3339, UTC).</summary>
    public required string UpdatedAt { get; init; }

    /// <summary>The user (token <c>sub</c>) who last replaced the offer.</summary>
    public required string UpdatedBy { get; init; }

    /// <summary>The tenant of the token that created the offer.</summary>
    public required string Tenant { get; init; }

    /// <summary>The currencies the offer applies in, each with an optional minimum cart value.</summary>
    public required IReadOnlyList<OfferCurrencyResource> Currencies { get; init; }

    /// <summary>Store ids the offer is limited to; [] means every store.</summary>
    public required IReadOnlyList<string> Stores { get; init; }

    /// <summary>True when validity times are local times of the store; null when not sent.</summary>
    public required bool? LocalizedTimezone { get; init; }

    /// <summary>An exclusive offer is applied alone.</summary>
    public required bool Exclusive { get; init; }

    /// <summary>The customer segment the offer is limited to, or null.</summary>
    public required OfferSegmentResource? Segment { get; init; }

    /// <summary>Count limits; absent when the offer has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OfferLimitsResource? Limits { get; init; }

    /// <summary>The budget; absent when the offer has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OfferBudgetResource? Budget { get; init; }

    /// <summary>IANA time zone of the budget periods; absent means UTC.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TimeZone { get; init; }

    /// <summary>Tiers by ascending threshold; absent when the offer has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OfferTierResource>? Tiers { get; init; }

    /// <summary>The most the offer takes off one cart, per currency; absent without a cap.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OfferAmountResource>? MaxDiscount { get; init; }

    /// <summary>Product-level kinds: units of each line discounted at most; absent when not set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxQuantity { get; init; }

    /// <summary>BOGO kinds with get, or FreeGift: the units bought; absent when not set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OfferUnitSetResource? Buy { get; init; }

    /// <summary>BOGO kinds: the units given, from their own set; absent when not set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OfferUnitSetResource? Get { get; init; }

    /// <summary>BOGO kinds: give the cheapest qualifying units (the default) or the most expensive.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GetOrder? GetOrder { get; init; }

    /// <summary>BOGO and FreeGift kinds: applications per cart at most; absent when not set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxApplications { get; init; }

    /// <summary>FreeGift: the products given; absent on other kinds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OfferGiftResource>? Gifts { get; init; }

    /// <summary>Order within a family of the pricing sequence; absent when not set (0).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Priority { get; init; }

    /// <summary>The stacking group; absent when not set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StackingGroup { get; init; }

    /// <summary>Whether later offers leave the lines it discounted alone; absent when not set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? StopFurther { get; init; }

    /// <summary>Recurring windows inside the validity, judged in the offer's time zone; absent means always open.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OfferScheduleWindow>? Schedule { get; init; }

    /// <summary>Channel types the offer applies in; absent means every channel.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ChannelTypes { get; init; }

    /// <summary>Customer attribute conditions beside the segment; absent for none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OfferCustomerConditions? CustomerConditions { get; init; }

    /// <summary>Qualifying units the cart needs; absent for none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinimumQuantity { get; init; }

    /// <summary>Opaque; send it back unchanged in a replace (PUT), which fails with 409 if it changed meanwhile.</summary>
    public required string Version { get; init; }

    /// <summary>Derived at the time of the answer: <c>Disabled</c>, <c>Planned</c>, <c>Running</c>, <c>Past</c>, or <c>Scheduled</c> (running, outside its schedule now).</summary>
    public required OfferStatusName Status { get; init; }
}
