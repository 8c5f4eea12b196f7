using System.Text.Json.Nodes;
using Storewise.Api.Tests.Imports;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Hostile;

/// <summary>A valid request of one operation: its path parameter values and its body (null when it has none).</summary>
public sealed record SampleRequest(IReadOnlyDictionary<string, string> PathValues, JsonNode? Body)
{
    public string PathValue(string name) => PathValues.TryGetValue(name, out var value) ? value : "unknown";
}

/// <summary>
/// A tenant with one of everything, created through the API: a promotion, a coupon with a code, a finished
/// import, a redeemed order, exclusions, stacking mode, TPPE configuration and every sales-order key (with an
/// order id sequence). It knows a valid request of every operation, and a marker string that appears in its
/// names, codes and URLs so a response to another tenant can be searched for leaks.
/// </summary>
public sealed class SeededTenant
{
    public const string TppeToken = "tppe-secret-token-5b1f0c9e";
    public const string WebhookKey = "webhook-secret-key-77a1d3";

    private readonly HttpClient _client;
    private int _counter;

    private SeededTenant(string tenant, string marker, HttpClient client)
    {
        Tenant = tenant;
        Marker = marker;
        _client = client;
    }

    public string Tenant { get; }

    /// <summary>Appears in every name, code and URL this tenant stored.</summary>
    public string Marker { get; }

    public string PromotionId { get; private set; } = "";

    public string CouponId { get; private set; } = "";

    public string Code { get; private set; } = "";

    public string CodeId { get; private set; } = "";

    /// <summary>A coupon and a code that the PUT and PATCH samples may change (deactivate), apart from the redeemed ones.</summary>
    public string EditableCouponId { get; private set; } = "";

    public string EditableCode { get; private set; } = "";

    public string EditableCodeId { get; private set; } = "";

    public string ImportId { get; private set; } = "";

    public string OrderId { get; private set; } = "";

    /// <summary>A finished simulation (its job has run, so nothing of the tenant moves on its own afterwards).</summary>
    public string SimulationId { get; private set; } = "";

    public string ReservationId { get; private set; } = "";

    /// <summary>A webhook endpoint subscribed to every event, and one of its deliveries (of the seeding's events).</summary>
    public string WebhookId { get; private set; } = "";

    public string WebhookSecret { get; private set; } = "";

    public string DeliveryId { get; private set; } = "";

    /// <summary>A store of the registry, with a zone: the store of the sample carts. Store ids are the client's own names, so every tenant may use it.</summary>
    public string StoreId { get; private set; } = "";

    /// <summary>Every id this tenant owns (to search other tenants' answers for).</summary>
    public IReadOnlyList<string> Ids => [PromotionId, CouponId, CodeId, EditableCouponId, EditableCodeId, ImportId, OrderId, SimulationId, ReservationId, WebhookId, WebhookSecret];

    public static async Task<SeededTenant> CreateAsync(ApiFixture fixture)
    {
        var tenant = ApiFixture.NewTenant();
        var marker = "MK" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var seeded = new SeededTenant(tenant, marker, fixture.Client(tenant));
        await seeded.SeedAsync();
        return seeded;
    }

    private async Task SeedAsync()
    {
        var webhook = await (await _client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/webhooks", Webhook().ToJsonString())).ExpectAsync(201);
        WebhookId = (string)webhook["webhook"]!["id"]!;
        WebhookSecret = (string)webhook["secret"]!;
        var promotion = await _client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body($"{Marker} promotion"));
        PromotionId = (string)promotion["promotion"]!["id"]!;
        var couponBody = OfferBodies.Body($"{Marker} coupon");
        var coupon = await _client.CreateAsync(OfferBodies.CouponsPath, couponBody);
        CouponId = (string)coupon["coupon"]!["id"]!;
        Code = $"{Marker}-CODE";
        var codes = await (await _client.PostAsync($"/v0/promotions/coupon/{CouponId}/code", HttpJson.Body(new { codes = new[] { Code } }))).ExpectAsync(201);
        CodeId = (string)codes["codes"]![0]!["id"]!;
        var editable = await _client.CreateAsync(OfferBodies.CouponsPath, OfferBodies.Body($"{Marker} editable coupon"));
        EditableCouponId = (string)editable["coupon"]!["id"]!;
        EditableCode = $"{Marker}-EDITABLE";
        var editableCodes = await (await _client.PostAsync($"/v0/promotions/coupon/{EditableCouponId}/code", HttpJson.Body(new { codes = new[] { EditableCode } }))).ExpectAsync(201);
        EditableCodeId = (string)editableCodes["codes"]![0]!["id"]!;
        ImportId = await _client.ImportAsync(CouponId, $"code\n{Marker}-IMPORTED-1\n{Marker}-IMPORTED-2\nnot a code\n");
        await _client.WaitUntilEndedAsync(CouponId, ImportId);
        OrderId = $"{Marker}-order-1";
        await (await _client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/redemption", Redemption(OrderId).ToJsonString())).ExpectAsync(200);
        var reservation = await (await _client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/reservations", Reservation($"{Marker}-reserved-order").ToJsonString())).ExpectAsync(201);
        ReservationId = (string)reservation["id"]!;
        await (await _client.PutJsonAsync("/v0/promotions/configuration/exclusions", JsonNode.Parse($$"""{"ids":["{{Marker}}-excluded"]}""")!)).ExpectAsync(201);
        await (await _client.PutJsonAsync("/v0/promotions/configuration/coupons", JsonNode.Parse("""{"stackable":true}""")!)).ExpectAsync(200);
        StoreId = "s1";
        await (await _client.PutJsonAsync($"/v0/promotions/stores/{StoreId}", Store(0))).ExpectAsync(200);
        await (await _client.PutJsonAsync("/v0/promotions/configuration/time", JsonNode.Parse("""{"localizedTimezone":"utc"}""")!)).ExpectAsync(200);
        await (await _client.SendJsonAsync(HttpMethod.Patch, "/v0/promotions/configurations/tppe", Tppe().ToJsonString())).ExpectAsync(200);
        foreach (var (key, body) in SalesOrderBodies())
        {
            await (await _client.SendJsonAsync(HttpMethod.Post, $"/v0/config/sales_order/{key}", body.ToJsonString())).ExpectAsync(200);
        }

        await (await _client.PostAsync("/v0/sales_order/order_id", null)).ExpectAsync(200);
        var deliveries = await (await _client.GetAsync(new Uri($"/v0/promotions/webhooks/{WebhookId}/deliveries", UriKind.Relative))).ExpectAsync(200);
        DeliveryId = (string)deliveries["items"]![0]!["id"]!;
        var simulation = await (await _client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/simulations", Simulation().ToJsonString())).ExpectAsync(202);
        SimulationId = (string)simulation["id"]!;
        await WaitUntilSettledAsync(SimulationId);
    }

    /// <summary>Waits (at most 10 s) until the background worker has run the simulation, so its row stops changing.</summary>
    public async Task WaitUntilSettledAsync(string simulationId)
    {
        for (var wait = 0; wait < 200; wait++)
        {
            var simulation = await (await _client.GetAsync(new Uri($"/v0/promotions/simulations/{simulationId}", UriKind.Relative))).ExpectAsync(200);
            if ((string?)simulation["status"] is not ("QUEUED" or "RUNNING"))
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    private JsonObject Simulation() => new()
    {
        ["from"] = "2024-01-01T00:00:00Z",
        ["to"] = "2024-02-01T00:00:00Z",
        ["preview"] = new JsonObject { ["exclude"] = new JsonArray(PromotionId) },
    };

    /// <summary>Path values that name this tenant's resources in <paramref name="operation"/>.</summary>
    public IReadOnlyDictionary<string, string> PathValues(ApiOperation operation, string salesOrderKey = "big_sales_order")
    {
        var values = new Dictionary<string, string>();
        foreach (var name in operation.PathParameters)
        {
            values[name] = name switch
            {
                "id" when operation.Template.StartsWith("/v0/promotions/promotion", StringComparison.Ordinal) => PromotionId,
                "id" when operation.Template.StartsWith("/v0/promotions/simulations", StringComparison.Ordinal) => SimulationId,
                "id" when operation.Template.StartsWith("/v0/promotions/reservations", StringComparison.Ordinal) => ReservationId,
                "id" when operation.Template.StartsWith("/v0/promotions/webhooks", StringComparison.Ordinal) => WebhookId,
                "deliveryId" => DeliveryId,
                "id" when operation.Method is "PUT" or "PATCH" => EditableCouponId,
                "id" => CouponId,
                "codeId" => EditableCodeId,
                "importId" => ImportId,
                "orderId" => OrderId,
                "sectionId" => "tppe",
                "storeId" => StoreId,
                "key" => salesOrderKey,
                _ => throw new InvalidOperationException($"no seeded value for path parameter {name} of {operation.Name}"),
            };
        }

        return values;
    }

    /// <summary>A valid request of <paramref name="operation"/>; writes get fresh names so a valid one succeeds.</summary>
    public async Task<SampleRequest> SampleAsync(ApiOperation operation)
    {
        var n = Interlocked.Increment(ref _counter);
        var (key, salesOrderBody) = SalesOrderBodies()[n % SalesOrderBodies().Count];
        var path = PathValues(operation, key);
        JsonNode? body = (operation.Method, operation.Template) switch
        {
            ("POST", "/v0/promotions/promotion") => OfferBodies.Body($"{Marker} promotion {n}"),
            ("POST", "/v0/promotions/coupon") => OfferBodies.Body($"{Marker} coupon {n}"),
            ("PUT", "/v0/promotions/promotion/{id}") => await ReplaceBodyAsync($"/v0/promotions/promotion/{PromotionId}", "promotion"),
            ("PUT", "/v0/promotions/coupon/{id}") => await ReplaceBodyAsync($"/v0/promotions/coupon/{EditableCouponId}", "coupon"),
            ("PUT", "/v0/promotions/configuration/exclusions") => JsonNode.Parse($$"""{"ids":["{{Marker}}-excluded","p{{n}}"]}"""),
            ("PUT", "/v0/promotions/configuration/coupons") => JsonNode.Parse("""{"stackable":true}"""),
            ("POST", "/v0/promotions/simulations") => Simulation(),
            ("PUT", "/v0/promotions/configuration/cart-log") => JsonNode.Parse("""{"sampleRate":0,"retentionDays":30}"""),
            ("POST", "/v0/promotions/cart") => JsonNode.Parse($$"""
                {"currency":"EUR","customerId":"c1","channelType":"store","storeId":"s1","couponCodes":["{{Code}}"],
                 "items":[{"id":"a","productId":"p1","quantity":2,"price":19.99,"categories":[{"path":["Shop","Shoes"]}],"name":"Shoe"},
                          {"id":"b","productId":"p2","quantity":1,"price":5}],
                 "shippingCost":4.95,"customerAttributes":{"type":"gold member"},"evaluatedAt":"2024-06-01T10:00:00Z"}
                """),
            ("POST", "/v0/promotions/coupon/{id}/code") => JsonNode.Parse($$"""{"codes":["{{Marker}}-NEW-{{n}}"]}"""),
            ("PATCH", "/v0/promotions/coupon/{id}/code/{codeId}") => JsonNode.Parse($$"""{"id":"{{EditableCodeId}}","name":"{{EditableCode}}","active":true}"""),
            ("POST", "/v0/promotions/redemption") => Redemption($"{Marker}-order-{n + 1}"),
            ("POST", "/v0/promotions/reservations") => Reservation($"{Marker}-reservation-{n}"),
            ("PATCH", _) when operation.Template.EndsWith("/configurations/{sectionId}", StringComparison.Ordinal) => Tppe(),
            ("POST", "/v0/config/sales_order/{key}") => salesOrderBody,
            ("POST", "/v0/promotions/webhooks") => Webhook(),
            ("PATCH", "/v0/promotions/webhooks/{id}") => JsonNode.Parse("""{"enabled":true}"""),
            ("PUT", "/v0/promotions/stores/{storeId}") => Store(n),
            ("PUT", "/v0/promotions/configuration/time") => JsonNode.Parse("""{"localizedTimezone":"utc"}"""),
            ("POST", "/v0/promotions/qualification") => JsonNode.Parse($$"""
                {"cart":{"currency":"EUR","customerId":"c1","channelType":"store","storeId":"{{StoreId}}",
                 "items":[{"id":"a","productId":"p1","quantity":2,"price":19.99}]},"includeCoupons":true}
                """),
            _ when operation.HasJsonBody => throw new InvalidOperationException($"no sample body for {operation.Name}: add one here"),
            _ => null,
        };
        return new SampleRequest(path, body);
    }

    private async Task<JsonNode> ReplaceBodyAsync(string url, string member)
    {
        var current = await (await _client.GetAsync(new Uri(url, UriKind.Relative))).ExpectAsync(200);
        return OfferBodies.ReplaceBody(current[member]!);
    }

    private JsonNode Reservation(string orderId) => JsonNode.Parse($$"""
        {"cart":{"currency":"EUR","customerId":"c1","storeId":"s1","couponCodes":["{{Code}}"],
                 "items":[{"id":"a","productId":"p1","quantity":2,"price":19.99}]},
         "orderId":"{{orderId}}","ttlSeconds":900}
        """)!;

    private JsonObject Redemption(string orderId) => new()
    {
        ["codes"] = new JsonArray(Code),
        ["orderId"] = orderId,
        ["consumerId"] = "c1",
        ["channelType"] = "store",
        ["catalogTotal"] = 120.50m,
        ["currency"] = "EUR",
    };

    private JsonObject Store(int n) => new()
    {
        ["name"] = $"{Marker} store {n}",
        ["timeZone"] = "Europe/Berlin",
    };

    private JsonObject Webhook() => new()
    {
        ["url"] = $"https://{Marker.ToLowerInvariant()}.example.com/events",
        ["eventTypes"] = new JsonArray("*"),
        ["description"] = $"{Marker} webhook",
    };

    private JsonObject Tppe() => new()
    {
        ["session_update_url"] = $"https://{Marker.ToLowerInvariant()}.example.com/cart-session/{{customerSessionId}}",
        ["auth_token"] = TppeToken,
    };

    private List<(string Key, JsonNode Body)> SalesOrderBodies() =>
    [
        ("big_sales_order", JsonNode.Parse("""{"value":{"soft_limit_for_big_orders":300}}""")!),
        ("external_oms", JsonNode.Parse("""{"value":{"enabled":true}}""")!),
        ("on_hold_timer_duration", JsonNode.Parse("""{"value":20}""")!),
        ("cancellation_allowed_from", JsonNode.Parse("""{"value":["store","dc"]}""")!),
        ("external_order_webhook", JsonNode.Parse($$$"""{"value":{"url":"https://{{{Marker.ToLowerInvariant()}}}.example.com/hook","api_key":"{{{WebhookKey}}}","timeout":20}}""")!),
        ("sales_order_generator_sequence", JsonNode.Parse("""{"value":{"prefix":"NS","size":16,"start":1,"step":1}}""")!),
    ];
}
