using System.Text.Json.Serialization;

namespace Storewise.Api.Codes;

/// <summary>The data of a code event: the code as the API shows it, and the coupon it belongs to.</summary>
public sealed record CodeEvent(
    [property: JsonPropertyName("couponId")] string CouponId,
    [property: JsonPropertyName("code")] CodeResource Code);
