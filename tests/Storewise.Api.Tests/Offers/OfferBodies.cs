using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Offers;

/// <summary>Request bodies and calls shared by the promotion and coupon tests.</summary>
public static class OfferBodies
{
    public const string PromotionsPath = "/v0/promotions/promotion";
    public const string CouponsPath = "/v0/promotions/coupon";

    /// <summary>A valid category of each kind (bundles are for promotions only).</summary>
    public static readonly IReadOnlyDictionary<string, string> ValidCategories = new Dictionary<string, string>
    {
        ["CartLevelPercentage"] = """{"kind":"CartLevelPercentage","discount":10}""",
        ["CartLevelFixed"] = """{"kind":"CartLevelFixed","discounts":[{"amount":5,"currency":"EUR"}]}""",
        ["ProductLevelPercentage"] = """{"kind":"ProductLevelPercentage","discount":15,"includedCategories":[{"path":["Shop","Accessories"]}],"includedProducts":[],"excludedProducts":["p9"],"shopId":"storefront-catalog-en","locale":"en-us"}""",
        ["ProductLevelFixed"] = """{"kind":"ProductLevelFixed","includedCategories":[],"includedProducts":["p1"],"excludedProducts":[],"shopId":"storefront-catalog-en","locale":"en-us","discounts":[{"amount":50,"currency":"EUR"}]}""",
        ["BogoPercentage"] = """{"kind":"BogoPercentage","discount":100,"buyQuantity":2,"getQuantity":1,"includedProducts":["p1"]}""",
        ["BogoFixed"] = """{"kind":"BogoFixed","discounts":[{"amount":3.5,"currency":"EUR"}],"buyQuantity":1,"getQuantity":1,"includedCategories":[{"path":["Shop"]}]}""",
        ["BundlePercentage"] = """{"kind":"BundlePercentage","discount":20,"products":[{"productId":"A","quantity":1},{"productId":"B","quantity":2}]}""",
        ["BundleFixed"] = """{"kind":"BundleFixed","discounts":[{"amount":10,"currency":"EUR"}],"products":[{"productId":"A","quantity":1},{"productId":"B"}]}""",
        ["FreeShippingPercentage"] = """{"kind":"FreeShippingPercentage","discount":100}""",
        ["FreeShippingFixed"] = """{"kind":"FreeShippingFixed","discounts":[{"amount":4.95,"currency":"EUR"}]}""",
    };

    /// <summary>A minimal valid body (EUR, naive times with localizedTimezone true).</summary>
    public static JsonObject Body(string name, string? category = null, bool active = true) => new()
    {
        ["name"] = name,
        ["active"] = active,
        ["localizedTimezone"] = true,
        ["validFrom"] = "2020-01-01T00:00:00",
        ["validTo"] = "2099-12-31T23:59:59",
        ["category"] = JsonNode.Parse(category ?? ValidCategories["CartLevelPercentage"]),
        ["currencies"] = new JsonArray(new JsonObject { ["code"] = "EUR", ["minimumCartValue"] = 0 }),
        ["stores"] = new JsonArray(),
    };

    public static async Task<JsonObject> CreateAsync(this HttpClient client, string path, JsonObject body)
    {
        using var response = await client.PostAsync(path, HttpJson.Body(body.ToJsonString()));
        return (await response.ExpectAsync(201)).AsObject();
    }

    public static async Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, JsonNode body) =>
        await client.PutAsync(url, HttpJson.Body(body.ToJsonString()));

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        await client.PostAsync(url, HttpJson.Body(json));

    /// <summary>The body of a PUT that replaces <paramref name="resource"/> with itself plus <paramref name="change"/>.</summary>
    public static JsonObject ReplaceBody(JsonNode resource, Action<JsonObject>? change = null)
    {
        var body = resource.DeepClone().AsObject();
        foreach (var readOnly in new[] { "createdAt", "createdBy", "updatedAt", "updatedBy", "status" })
        {
            body.Remove(readOnly);
        }

        change?.Invoke(body);
        return body;
    }
}
