using System.Text.Json.Serialization;

namespace Storewise.Api.Redemptions;

/// <summary>The redemption body (docs/spec.md §1.2), bare or wrapped in <c>{"value":{...}}</c>.</summary>
public sealed record RedemptionRequest(
    [property: JsonPropertyName("codes")] IReadOnlyList<string?>? Codes,
    [property: JsonPropertyName("consumerId")] string? ConsumerId,
    [property: JsonPropertyName("channelType")] string? ChannelType,
    [property: JsonPropertyName("catalogTotal")] decimal? CatalogTotal,
    [property: JsonPropertyName("currency")] string? Currency,
    [property: JsonPropertyName("orderId")] string? OrderId);
