using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Webhooks;

namespace Storewise.Api.Tests.Telemetry;

/// <summary>With <c>Telemetry:PrometheusEnabled</c>, <c>/metrics</c> serves the service's own meters (docs/operations.md).</summary>
public sealed class MetricsEndpointTests(SqliteDeliveryFixture fixture) : IClassFixture<SqliteDeliveryFixture>
{
    [Fact]
    public async Task A_scrape_after_pricing_a_cart_shows_the_product_meters()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var cart = JsonNode.Parse("""{"currency":"EUR","items":[{"id":"a","productId":"p1","quantity":1,"price":10}]}""")!;
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart", cart.ToJsonString())).ExpectAsync(200);

        // Not a documented API route (it is for scrapers), so it is read without the contract check.
        using var scraper = fixture.Factory.CreateClient();
        var text = "";
        for (var i = 0; i < 50 && !text.Contains("storewise_carts_priced", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            text = await scraper.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        Assert.Contains("storewise_carts_priced", text, StringComparison.Ordinal);
        Assert.Contains("storewise_cart_engine_duration", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
    }
}
