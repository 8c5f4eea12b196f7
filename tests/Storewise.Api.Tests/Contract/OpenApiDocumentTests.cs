using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Contract;

/// <summary>
/// The API contract as an artifact: the committed docs/openapi.json is the live document, it is a valid
/// OpenAPI document, and every operation documents every answer, so a route added without one fails here.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    private const string Regenerate = "dotnet build src/Storewise.Api -p:OpenApiGenerateDocuments=true";

    private JsonNode Live => fixture.Contract.Document;

    [Fact]
    public void Committed_document_is_the_live_document()
    {
        Assert.True(File.Exists(RepositoryFiles.OpenApiDocument), $"docs/openapi.json is missing: run {Regenerate}");
        var committed = JsonNode.Parse(File.ReadAllText(RepositoryFiles.OpenApiDocument))!;
        Assert.True(
            JsonNode.DeepEquals(WithoutServers(committed), WithoutServers(Live)),
            $"docs/openapi.json differs from the live /openapi/v1.json: run {Regenerate} and commit the result");
    }

    [Fact]
    public void Document_is_valid_OpenAPI_without_warnings()
    {
        var read = OpenApiDocument.Parse(Live.ToJsonString(), "json", new OpenApiReaderSettings());
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Empty(read.Diagnostic?.Warnings ?? []);

        var validator = new OpenApiValidator(ValidationRuleSet.GetDefaultRuleSet());
        new OpenApiWalker(validator).Walk(read.Document!);
        Assert.Empty(validator.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(validator.Warnings.Select(w => $"{w.Pointer}: {w.Message}"));
    }

    [Fact]
    public void Every_operation_has_a_stable_id_a_tag_and_its_scopes()
    {
        var ids = new List<string>();
        foreach (var (name, operation) in Operations())
        {
            var id = (string?)operation["operationId"];
            Assert.False(string.IsNullOrEmpty(id), $"{name}: no operationId (name the endpoint with WithName)");
            ids.Add(id!);
            Assert.True(operation["tags"] is JsonArray { Count: > 0 }, $"{name}: no tag");
            var scopes = (operation["security"] as JsonArray)?.SelectMany(r => r!.AsObject().SelectMany(s => s.Value!.AsArray())).ToList();
            Assert.True(scopes is { Count: > 0 }, $"{name}: no security requirement with a scope");
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_answer_has_a_schema_and_every_body_is_required_with_an_example()
    {
        foreach (var (name, operation) in Operations())
        {
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key[0] == '2');
            foreach (var (status, response) in responses)
            {
                var content = response!["content"] as JsonObject;
                if (status == "204")
                {
                    Assert.True(content is null, $"{name} {status}: a 204 has no body");
                    continue;
                }

                Assert.True(content is { Count: > 0 }, $"{name} {status}: no body documented");
                foreach (var (mediaType, media) in content!)
                {
                    Assert.True(media!["schema"] is JsonObject, $"{name} {status} {mediaType}: no schema");
                    if (int.Parse(status, CultureInfo.InvariantCulture) >= 400)
                    {
                        Assert.Contains((string?)media["schema"]!["$ref"], new[] { "#/components/schemas/ApiError", "#/components/schemas/ProblemError" });
                    }
                }
            }

            if (operation["requestBody"] is JsonObject body)
            {
                Assert.True((bool?)body["required"] == true, $"{name}: request body not required");
                foreach (var (mediaType, media) in body["content"]!.AsObject())
                {
                    Assert.True(mediaType == "multipart/form-data" || media!["example"] is not null, $"{name} {mediaType}: no example");
                }
            }
        }
    }

    [Fact]
    public async Task The_contract_rejects_what_the_document_does_not_say()
    {
        using var raw = fixture.Factory.CreateClient();
        raw.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Token(ApiFixture.NewTenant()));
        using var created = await raw.PostAsync(OfferBodies.PromotionsPath, HttpJson.Body(OfferBodies.Body("contract check").ToJsonString()));
        var answer = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var path = OfferBodies.PromotionsPath;

        Assert.Null(fixture.Contract.Check("POST", path, 201, "application/json", answer.ToJsonString()));

        var extra = answer.DeepClone().AsObject();
        extra["promotion"]!["undocumented"] = 1;
        Assert.NotNull(fixture.Contract.Check("POST", path, 201, "application/json", extra.ToJsonString()));

        var missing = answer.DeepClone().AsObject();
        missing["promotion"]!.AsObject().Remove("version");
        Assert.NotNull(fixture.Contract.Check("POST", path, 201, "application/json", missing.ToJsonString()));

        var open = answer.DeepClone().AsObject();
        open["promotion"]!["category"]!["echoedUnknownMember"] = true;
        Assert.Null(fixture.Contract.Check("POST", path, 201, "application/json", open.ToJsonString()));

        Assert.NotNull(fixture.Contract.Check("POST", path, 418, "application/json", "{}"));
        Assert.NotNull(fixture.Contract.Check("POST", path, 201, "text/plain", "hello"));
        Assert.NotNull(fixture.Contract.Check("POST", path, 400, "application/json", """{"message":"m"}"""));
        Assert.NotNull(fixture.Contract.Check("GET", "/v0/config/sales_order/grace", 404, "application/json", """{"message":"m","status":404}"""));
    }

    private IEnumerable<(string Name, JsonObject Operation)> Operations() =>
        Live["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Value is JsonObject)
            .Select(o => ($"{o.Key.ToUpperInvariant()} {path.Key}", o.Value!.AsObject())));

    // The live document names the host it was fetched from; the built one does not.
    private static JsonNode WithoutServers(JsonNode document)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove("servers");
        return copy;
    }
}
