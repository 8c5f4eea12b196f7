using System.Text.Json.Nodes;

namespace Storewise.Api.Hosting;

/// <summary>
/// An example request body per operation id, shown in the OpenAPI document. The offer, code and cart examples
/// are the vendor's own samples (the coupon one in full; the promotion ones with their collapsed category and
/// currencies filled in, since the request schema describes category as an object); the others follow the bodies of docs/spec.md.
/// </summary>
public static class RequestExamples
{
    private const string Promotion = """
        {"name":"Cart level percentage promotion","description":"A promotion with type CartLevelPercentage","localizedTimezone":false,
         "validFrom":"2022-01-01T00:00:00+01:00","validTo":"2022-04-01T00:00:00+01:00","active":true,
         "category":{"kind":"CartLevelPercentage","discount":10},"currencies":[{"code":"EUR","minimumCartValue":50}],"stores":[]}
        """;

    private const string PromotionReplace = """
        {"id":"62839b62-80ff-4000-8000-01b47275b241","name":"My Promotion","description":"My Promotion Description","localizedTimezone":false,
         "validFrom":"2022-01-01T00:00:00+01:00","validTo":"2022-04-01T00:00:00+01:00","category":{"kind":"CartLevelPercentage","discount":10},"active":true,
         "currencies":[{"code":"EUR","minimumCartValue":50}],"stores":[],"version":"6f419b7b-1529-4c33-a5ba-a07762850db1"}
        """;

    private const string Coupon = """
        {"name":"Black Friday Coupon","validFrom":"2023-11-01T00:00:00","validTo":"2023-12-01T00:00:00",
         "category":{"kind":"CartLevelPercentage","discount":10},"active":true,"currencies":[{"code":"EUR","minimumCartValue":50}],
         "stores":["f9c7b6ec-b296-4eba-b083-c8b53d14407d"],"localizedTimezone":true,"singleUse":false,
         "consumers":["2dbb6700-d847-11ed-afa1-0242ac120002","3c8eb0de-d847-11ed-afa1-0242ac120002"],"exclusive":true,
         "segment":{"key":"type","value":"gold member","schema":1}}
        """;

    private const string CouponReplace = """
        {"name":"Black Friday Coupon","validFrom":"2023-11-01T00:00:00","validTo":"2023-12-01T00:00:00",
         "category":{"kind":"CartLevelPercentage","discount":10},"active":true,"currencies":[{"code":"EUR","minimumCartValue":50}],
         "stores":["f9c7b6ec-b296-4eba-b083-c8b53d14407d"],"localizedTimezone":true,"version":"a43a5a2d-1424-4c80-a252-992d489062eb",
         "singleUse":false,"consumers":["2dbb6700-d847-11ed-afa1-0242ac120002","3c8eb0de-d847-11ed-afa1-0242ac120002"],"exclusive":true,
         "segment":{"key":"type","value":"gold member","schema":1}}
        """;

    private const string Cart = """
        {"customerId":"","channelType":"store","currency":"USD","couponCodes":["BLACKFRIDAY"],"storeId":"7c9f2605-9fb3-5444-8fee-47fe51608efe",
         "shopId":"storefront-catalog-en","locale":"en-us",
         "items":[{"productId":"1000001","quantity":2,"price":25.0,"categories":[{"path":["Shop","Accessories"]}]}]}
        """;

    private const string Tppe = """{"session_update_url":"https://tppe.example.com/sessions/{customerSessionId}","auth_token":"secret-token"}""";

    private static readonly Dictionary<string, string> ByOperation = new(StringComparer.Ordinal)
    {
        ["CreatePromotion"] = Promotion,
        ["ReplacePromotion"] = PromotionReplace,
        ["CreateCoupon"] = Coupon,
        ["ReplaceCoupon"] = CouponReplace,
        ["PriceCart"] = Cart,
        ["PutExclusions"] = """{"ids":["1000001","1000002"]}""",
        ["PutCouponStacking"] = """{"stackable":true}""",
        ["StartSimulation"] = """{"from":"2025-06-01T00:00:00Z","to":"2025-07-01T00:00:00Z","stores":[],"preview":{"exclude":["62839b62-80ff-4000-8000-01b47275b241"]}}""",
        ["PutCartLogSettings"] = """{"sampleRate":0.1,"retentionDays":30}""",
        ["UpdateIntegrationConfiguration"] = Tppe,
        ["UpdateIntegrationConfigurationV0"] = Tppe,
        ["SetSalesOrderConfiguration"] = """{"value":600}""",
        ["CreateCouponCodes"] = """{"codes":["CODE1","CODE2"]}""",
        ["UpdateCouponCode"] = """{"id":"629868d2-58ac-4000-8000-3766e65e2e3d","name":"CODE1","redemptions":0,"active":false}""",
        ["ReserveCart"] = """
            {"cart":{"customerId":"cust-1","currency":"EUR","couponCodes":["CODE1"],"storeId":"store-1",
             "items":[{"id":"line-1","productId":"1000001","quantity":2,"price":25.0}]},"orderId":"order-1","ttlSeconds":900}
            """,
        ["RedeemCouponCodes"] = """{"codes":["CODE1"],"consumerId":"cust-1","channelType":"store","catalogTotal":100.0,"currency":"EUR","orderId":"order-1"}""",
        ["CreateWebhookEndpoint"] = """{"url":"https://pos.example.com/storewise/events","eventTypes":["promotion.updated","coupon.updated","code.updated"],"description":"POS cache"}""",
        ["UpdateWebhookEndpoint"] = """{"enabled":true}""",
        ["PutStore"] = """{"name":"Berlin Mitte","timeZone":"Europe/Berlin"}""",
        ["PutTimeReading"] = """{"localizedTimezone":"storeLocal"}""",
        ["QualifyCart"] = """
            {"cart":{"customerId":"cust-1","channelType":"web","currency":"EUR","storeId":"store-1",
             "items":[{"id":"line-1","productId":"1000001","quantity":1,"price":37.6}]},"includeCoupons":true}
            """,
    };

    public static JsonNode? For(string? operationId) =>
        operationId is not null && ByOperation.TryGetValue(operationId, out var json) ? JsonNode.Parse(json) : null;
}
