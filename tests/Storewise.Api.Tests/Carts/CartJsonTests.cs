using System.Text.Json;
using Storewise.Api.Carts;
using Storewise.Api.Hosting;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Carts;

/// <summary>
/// The cart answer is written by a source-generated serializer for speed; it must write exactly what the
/// service's general JSON options write for the same answer.
/// </summary>
public abstract class CartJsonTests(ApiFixture fixture)
{
    [Fact]
    public async Task Cart_answer_is_byte_for_byte_what_the_service_json_options_write()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", """
            {"name":"Ten off","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":10},
             "currencies":[{"code":"EUR","minimumCartValue":0}]}
            """)).ExpectAsync(201);
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", """
            {"name":"Elsewhere","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"FreeShippingPercentage","discount":100},
             "currencies":[{"code":"EUR","minimumCartValue":0}],"stores":["other"]}
            """)).ExpectAsync(201);
        var coupon = await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/coupon", """
            {"name":"Five off","active":true,"validFrom":"2020-01-01T00:00:00Z",
             "category":{"kind":"ProductLevelFixed","includedProducts":["p1"],"discounts":[{"amount":5,"currency":"EUR"}]},
             "currencies":[{"code":"EUR","minimumCartValue":0}]}
            """)).ExpectAsync(201);
        await client.CreateCodesAsync((string)coupon["coupon"]!["id"]!, "JSON5");

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart?explain=true", """
            {"currency":"EUR","customerId":"c1","channelType":"store","storeId":"s1","shopId":"shop","locale":"en-us",
             "couponCodes":["json5","NOPE"],"shippingCost":4.95,"customerAttributes":{"tier":"gold","note":"é <b>"},
             "evaluatedAt":"2025-06-01T12:00:00Z","items":[
              {"id":"a","productId":"p1","quantity":2,"price":19.99,"name":"Shirt \"classic\"","categories":[{"path":["Shop","Tops"]}]},
              {"id":"b","productId":"p2","quantity":1,"price":5}]}
            """);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());

        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceRegistration.ConfigureJson(options);
        var answer = JsonSerializer.Deserialize<DiscountedCartResponse>(text, options)!;
        Assert.NotEmpty(answer.NotApplied!);
        Assert.NotEmpty(answer.RejectedCoupons);
        Assert.Contains(answer.Items[0].Discounts, d => d.CouponCode == "json5");
        Assert.Equal(JsonSerializer.Serialize(answer, options), text);
    }
}

public sealed class CartJsonSqliteTests(SqliteApiFixture fixture) : CartJsonTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CartJsonPostgresTests(PostgresApiFixture fixture) : CartJsonTests(fixture), IClassFixture<PostgresApiFixture>;
