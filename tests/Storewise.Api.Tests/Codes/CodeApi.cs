using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Codes;

/// <summary>Calls of the code routes shared by the code, import and redemption tests.</summary>
public static class CodeApi
{
    public static async Task<JsonNode> CreateCodesAsync(this HttpClient client, string couponId, params string[] codes) =>
        await (await client.PostAsync($"/v0/promotions/coupon/{couponId}/code", HttpJson.Body(new { codes }))).ExpectAsync(201);

    /// <summary>Every code of the coupon (first page of up to 150).</summary>
    public static async Task<JsonArray> ListCodesAsync(this HttpClient client, string couponId) =>
        (await (await client.GetAsync($"/v0/promotions/coupon/{couponId}/code?count=150&page=1")).ExpectAsync(200))["items"]!.AsArray();
}
