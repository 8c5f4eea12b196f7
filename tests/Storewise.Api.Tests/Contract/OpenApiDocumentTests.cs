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
    public void Every_query_parameter_has_a_description_and_a_typed_schema()
    {
        var count = 0;
        foreach (var (name, operation) in Operations())
        {
            foreach (var parameter in (operation["parameters"] as JsonArray ?? []).Select(p => p!.AsObject()).Where(p => (string?)p["in"] == "query"))
            {
                count++;
                var where = $"{name} ?{(string?)parameter["name"]}";
                // A parameter the framework binds on its own has neither; WithQuery gives it both.
                Assert.False(string.IsNullOrWhiteSpace((string?)parameter["description"]), $"{where}: no description (document it with WithQuery)");
                Assert.True(parameter["schema"]?["type"] is JsonValue, $"{where}: no schema type");
            }
        }

        Assert.True(count >= 25, $"only {count} query parameters documented");
    }

    [Fact]
    public void Every_tag_is_described_at_document_level()
    {
        var described = (Live["tags"] as JsonArray ?? [])
            .Where(t => !string.IsNullOrWhiteSpace((string?)t!["description"]))
            .Select(t => (string)t!["name"]!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (name, operation) in Operations())
        {
            foreach (var tag in operation["tags"]!.AsArray().Select(t => (string)t!))
            {
                Assert.True(described.Contains(tag), $"{name}: tag '{tag}' has no description at document level (add it to TagDescriptions)");
            }
        }
    }

    [Fact]
    public void Every_request_example_obeys_its_request_schema()
    {
        var checkedExamples = 0;
        foreach (var (name, operation) in Operations())
        {
            foreach (var (mediaType, media) in (operation["requestBody"]?["content"] as JsonObject) ?? [])
            {
                if (media!["example"] is not { } example)
                {
                    continue;
                }

                checkedExamples++;
                var problem = fixture.Contract.Validate(media["schema"]!.AsObject(), example.ToJsonString());
                Assert.True(problem is null, $"{name} {mediaType}: the example {problem}");
            }
        }

        Assert.True(checkedExamples >= 12, $"only {checkedExamples} request examples");
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

        Assert.Null(fixture.Contract.CheckQueryReads("GET", path, ["count", "page", "name", "kind[]"]));
        Assert.NotNull(fixture.Contract.CheckQueryReads("GET", path, ["count", "page", "undocumented"]));
        Assert.NotNull(fixture.Contract.CheckQueryReads("GET", path, ["code"])); // a coupon filter, not a promotion one
        Assert.NotNull(fixture.Contract.CheckQueryReads("POST", path, ["count"]));
    }

    [Fact]
    public async Task The_test_host_reports_the_query_parameters_a_handler_reads()
    {
        using var raw = fixture.Factory.CreateClient();
        raw.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Token(ApiFixture.NewTenant()));

        using var list = await raw.GetAsync(new Uri(OfferBodies.PromotionsPath + "?count=5&page=1&unread=1", UriKind.Relative));
        var reads = list.Headers.GetValues(QueryReadRecorder.Header).Single().Split(',').Select(Uri.UnescapeDataString).ToList();
        Assert.Equal(200, (int)list.StatusCode);
        Assert.Subset(reads.ToHashSet(), new HashSet<string> { "count", "page", "name", "active", "kind[]", "segment" });
        Assert.DoesNotContain("unread", reads);
        Assert.DoesNotContain("code", reads); // a coupon filter
        Assert.Null(fixture.Contract.CheckQueryReads("GET", OfferBodies.PromotionsPath, reads));

        using var exclusions = await raw.GetAsync(new Uri("/v0/promotions/configuration/exclusions?count=5", UriKind.Relative));
        Assert.False(exclusions.Headers.Contains(QueryReadRecorder.Header));
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
