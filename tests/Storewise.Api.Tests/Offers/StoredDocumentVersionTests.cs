using System.Text.Json.Nodes;
using Dapper;
using Storewise.Api.Offers;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Offers;

/// <summary>
/// <c>offers.document</c> across schema versions: rows written in the format of schema version 1 (the resource
/// JSON without <c>status</c>) still read, echo and price; new writes carry <c>schemaVersion</c> 2.
/// </summary>
public abstract class StoredDocumentVersionTests(ApiFixture fixture)
{
    private const string Id = "0a1b2c3d-0000-4000-8000-000000000001";

    // Exactly what the service wrote before documents carried a schema version, unknown category member included.
    private static string VersionOneDocument(string tenant) =>
        "{\"id\":\"" + Id + "\",\"name\":\"Legacy ten\",\"description\":null,\"validFrom\":\"2020-01-01T00:00:00\",\"validTo\":null,"
        + "\"category\":{\"kind\":\"CartLevelPercentage\",\"discount\":10.0,\"note\":{\"kept\":[1,2]}},\"active\":true,"
        + "\"createdAt\":\"2024-03-01T10:00:00Z\",\"createdBy\":\"legacy-user\",\"updatedAt\":\"2024-03-01T10:00:00Z\",\"updatedBy\":\"legacy-user\","
        + "\"tenant\":\"" + tenant + "\",\"currencies\":[{\"code\":\"EUR\",\"minimumCartValue\":20.50}],\"stores\":[],"
        + "\"localizedTimezone\":null,\"exclusive\":false,\"segment\":null,\"version\":\"v-legacy\"}";

    [Fact]
    public async Task A_version_one_document_reads_back_echoes_and_prices()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await InsertVersionOneAsync(tenant);

        var read = await (await client.GetAsync($"{OfferBodies.PromotionsPath}/{Id}")).ExpectAsync(200);
        var expected = JsonNode.Parse(VersionOneDocument(tenant))!.AsObject();
        expected["description"] = "Legacy ten";
        expected["status"] = "Running";
        Assert.Equal(expected.ToJsonString(), read["promotion"]!.ToJsonString());

        var cart = await (await client.SendJsonAsync(
            HttpMethod.Post,
            "/v0/promotions/cart",
            """{"currency":"EUR","items":[{"id":"a","productId":"p1","quantity":1,"price":30}]}""")).ExpectAsync(200);
        Assert.Equal(3.00m, (decimal)cart["discountTotal"]!);
    }

    [Fact]
    public async Task Writes_store_schema_version_two_and_an_update_upgrades_a_version_one_row()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await InsertVersionOneAsync(tenant);
        var read = await (await client.GetAsync($"{OfferBodies.PromotionsPath}/{Id}")).ExpectAsync(200);

        var updated = await (await client.PutJsonAsync(
            $"{OfferBodies.PromotionsPath}/{Id}", OfferBodies.ReplaceBody(read["promotion"]!, b => b["name"] = "Legacy eleven"))).ExpectAsync(200);

        var stored = await StoredDocumentAsync(tenant, Id);
        Assert.StartsWith("{\"schemaVersion\":2,", stored);
        var offer = OfferDocuments.Parse(OfferType.Promotion, stored);
        Assert.Equal("Legacy eleven", offer.Name);
        Assert.Equal(20.50m, offer.Currencies.Single().MinimumCartValue);
        Assert.Equal("2020-01-01T00:00:00", offer.ValidFrom.Text);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), offer.CreatedAt);
        var again = await (await client.GetAsync($"{OfferBodies.PromotionsPath}/{Id}")).ExpectAsync(200);
        Assert.Equal(updated["promotion"]!.ToJsonString(), again["promotion"]!.ToJsonString());
        Assert.Equal("""{"kind":"CartLevelPercentage","discount":10.0,"note":{"kept":[1,2]}}""", again["promotion"]!["category"]!.ToJsonString());

        var created = await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("Fresh"));
        Assert.StartsWith("{\"schemaVersion\":2,", await StoredDocumentAsync(tenant, (string)created["promotion"]!["id"]!));
    }

    private async Task InsertVersionOneAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        var createdAt = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(
            """
            INSERT INTO offers (tenant, id, type, name, name_key, kind, active, valid_from, valid_to, segment_key, segment_value,
                external_id, document, version, created_at, created_by, updated_at, updated_by)
            VALUES (@tenant, @id, 'promotion', 'Legacy ten', 'LEGACY TEN', 'CartLevelPercentage', @active, @validFrom, NULL, NULL, NULL,
                NULL, @document, 'v-legacy', @createdAt, 'legacy-user', @createdAt, 'legacy-user')
            """,
            new
            {
                tenant,
                id = Id,
                active = true,
                validFrom = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
                document = VersionOneDocument(tenant),
                createdAt,
            });
    }

    private async Task<string> StoredDocumentAsync(string tenant, string id)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await connection.QuerySingleAsync<string>("SELECT document FROM offers WHERE tenant = @tenant AND id = @id", new { tenant, id });
    }
}

public sealed class StoredDocumentVersionSqliteTests(SqliteApiFixture fixture) : StoredDocumentVersionTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class StoredDocumentVersionPostgresTests(PostgresApiFixture fixture) : StoredDocumentVersionTests(fixture), IClassFixture<PostgresApiFixture>;
