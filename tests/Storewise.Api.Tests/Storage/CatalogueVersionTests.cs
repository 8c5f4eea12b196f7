using System.Text.Json.Nodes;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Hostile;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Storage;

/// <summary>
/// Every write route either moves the tenant's catalogue version (so every instance reprices) or is listed here as
/// not affecting the cached promotion set, with the reason. Routes are read from the service's OpenAPI document,
/// so a route added later that is in neither list fails until someone decides which it is.
/// </summary>
public abstract class CatalogueVersionTests(ApiFixture fixture)
{
    private static readonly IReadOnlySet<string> CatalogueChanging = new HashSet<string>(StringComparer.Ordinal)
    {
        "POST /v0/promotions/promotion",
        "PUT /v0/promotions/promotion/{id}",
        "POST /v0/promotions/coupon",
        "PUT /v0/promotions/coupon/{id}",
        "PATCH /v0/promotions/coupon/{id}/code/{codeId}",
        "PUT /v0/promotions/configuration/exclusions",
        "DELETE /v0/promotions/configuration/exclusions",
        "PUT /v0/promotions/configuration/coupons",
        "PUT /v0/promotions/stores/{storeId}",
        "PUT /v0/promotions/configuration/time",
    };

    private static readonly IReadOnlyDictionary<string, string> NotChangingPricing = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /v0/promotions/cart"] = "prices a cart and stores nothing",
        ["POST /v0/promotions/qualification"] = "judges a cart against the offers and stores nothing",
        ["PUT /v0/promotions/configuration/cart-log"] = "which carts are logged, not how they are priced",
        ["POST /v0/promotions/simulations"] = "starts a replay of logged carts; prices nothing for real",
        ["POST /v0/promotions/simulations/{id}/cancel"] = "cancels a replay",
        ["DELETE /v0/promotions/simulations/{id}"] = "cancels a replay",
        ["POST /v0/promotions/coupon/{id}/code"] = "new codes: a cart reads the state of its submitted codes live, not from the cache",
        ["POST /v0/promotions/coupon/{id}/code/import"] = "imported codes, read live like created ones",
        ["POST /v0/promotions/redemption"] = "redemption counters are read live with the submitted codes",
        ["DELETE /v0/promotions/redemption/{orderId}"] = "rollback of redemption counters, read live with the codes",
        ["POST /v0/promotions/reservations"] = "usage counters of limited offers, read live when such an offer takes part",
        ["POST /v0/promotions/reservations/{id}/confirm"] = "moves grants from reserved to confirmed; the counters do not change",
        ["DELETE /v0/promotions/reservations/{id}"] = "gives usage counters back, read live like they are held",
        ["POST /v0/config/sales_order/{key}"] = "sales-order configuration, not used in pricing",
        ["POST /v0/sales_order/order_id"] = "hands out an order id from a counter",
        ["POST /v0/promotions/webhooks"] = "webhook endpoints only receive events",
        ["PATCH /v0/promotions/webhooks/{id}"] = "webhook endpoints only receive events",
        ["DELETE /v0/promotions/webhooks/{id}"] = "webhook endpoints only receive events",
        ["POST /v0/promotions/webhooks/{id}/deliveries/{deliveryId}/redeliver"] = "sends an event again",
    };

    // Integration (TPPE) sections are mounted under more than one prefix; none is used in pricing.
    private static bool IsIntegrationConfig(ApiOperation operation) =>
        operation.Method == "PATCH" && operation.Template.EndsWith("/configurations/{sectionId}", StringComparison.Ordinal);

    [Fact]
    public async Task Every_write_route_is_classified_and_the_lists_name_only_real_routes()
    {
        var writes = (await ApiRoutes.ReadAsync(fixture)).Where(o => o.Method != "GET").ToList();
        var unclassified = writes
            .Where(o => !CatalogueChanging.Contains(o.Name) && !NotChangingPricing.ContainsKey(o.Name) && !IsIntegrationConfig(o))
            .Select(o => o.Name)
            .ToList();
        Assert.True(unclassified.Count == 0, "classify as catalogue-changing or not: " + string.Join(", ", unclassified));
        var names = writes.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var stale = CatalogueChanging.Concat(NotChangingPricing.Keys).Where(n => !names.Contains(n)).ToList();
        Assert.True(stale.Count == 0, "listed but not in the OpenAPI document: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_catalogue_changing_route_moves_the_version()
    {
        var seeded = await SeededTenant.CreateAsync(fixture);
        using var client = fixture.Client(seeded.Tenant);
        var operations = (await ApiRoutes.ReadAsync(fixture)).Where(o => CatalogueChanging.Contains(o.Name)).ToList();
        Assert.Equal(CatalogueChanging.Count, operations.Count);
        var unmoved = new List<string>();
        foreach (var operation in operations)
        {
            var sample = await seeded.SampleAsync(operation);
            var body = operation.Name == "PATCH /v0/promotions/coupon/{id}/code/{codeId}" ? Deactivated(sample.Body!) : sample.Body;
            var before = await VersionAsync(seeded.Tenant);
            using var response = await client.SendAsync(Request(operation, sample, body));
            Assert.True(response.IsSuccessStatusCode, $"{operation.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (await VersionAsync(seeded.Tenant) <= before)
            {
                unmoved.Add(operation.Name);
            }
        }

        Assert.True(unmoved.Count == 0, "did not bump the catalogue version: " + string.Join(", ", unmoved));
    }

    [Fact]
    public async Task A_rejected_catalogue_write_leaves_the_version_alone()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await (await client.PutJsonAsync("/v0/promotions/configuration/exclusions", JsonNode.Parse("""{"ids":["a"]}""")!)).ExpectAsync(201);
        var before = await VersionAsync(tenant);
        await (await client.PutJsonAsync(
            "/v0/promotions/configuration/exclusions", JsonNode.Parse($$"""{"ids":["b"],"version":"{{Guid.NewGuid()}}"}""")!)).ExpectAsync(409);
        Assert.Equal(before, await VersionAsync(tenant));
    }

    // The seeded sample re-sends the code's current state; a real change is what must reprice.
    private static JsonNode Deactivated(JsonNode body)
    {
        var copy = body.DeepClone();
        copy["active"] = false;
        return copy;
    }

    private static HttpRequestMessage Request(ApiOperation operation, SampleRequest sample, JsonNode? body) =>
        new(new HttpMethod(operation.Method), operation.Url(sample.PathValue))
        {
            Content = body is null ? null : HttpJson.Body(body.ToJsonString()),
        };

    private async Task<long> VersionAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await CatalogueVersions.GetAsync(connection, tenant);
    }
}

public sealed class CatalogueVersionSqliteTests(SqliteApiFixture fixture) : CatalogueVersionTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CatalogueVersionPostgresTests(PostgresApiFixture fixture) : CatalogueVersionTests(fixture), IClassFixture<PostgresApiFixture>;
