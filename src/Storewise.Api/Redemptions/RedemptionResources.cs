using System.Text.Json.Serialization;

namespace Storewise.Api.Redemptions;

/// <summary>The 200 answer of a redemption (docs/decisions/0206-redemption-answer.md): what was redeemed, one entry per code.</summary>
public sealed record RedemptionReceipt(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("redemptions")] IReadOnlyList<RedeemedCode> Redemptions);

public sealed record RedeemedCode(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("codeId")] string CodeId,
    [property: JsonPropertyName("couponId")] string CouponId,
    [property: JsonPropertyName("redemptions")] long Redemptions,
    [property: JsonPropertyName("redeemedAt")] string RedeemedAt);
