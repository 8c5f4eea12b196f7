using System.Text.Json.Serialization;

namespace Storewise.Api.Redemptions;

/// <summary>The data of a rollback event: the order and how many of its redemptions were undone.</summary>
public sealed record RolledBackRedemptions(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("rolledBack")] int RolledBack);
