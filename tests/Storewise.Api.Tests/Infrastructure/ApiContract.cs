using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Storewise.Api.Tests.Infrastructure;

/// <summary>
/// The service's OpenAPI document as a checker of answers: finds the operation by method and path template,
/// the response by status and media type, and validates a JSON body against that response's schema (JSON
/// Schema 2020-12, with the document's <c>#/components/schemas</c> resolved). Says what is wrong, or null.
/// </summary>
public sealed class ApiContract
{
    private const string ComponentsPrefix = "#/components/schemas/";

    private readonly IReadOnlyList<(string Method, Regex Path, JsonObject Responses, IReadOnlySet<string> Query)> _operations;
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private int _built;

    public ApiContract(JsonNode document)
    {
        Document = document;
        _definitions = (JsonObject)RewriteReferences(document["components"]?["schemas"]?.DeepClone() ?? new JsonObject());
        _operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Value is JsonObject { } o && o["responses"] is JsonObject)
                .Select(op => (Method: op.Key.ToUpperInvariant(), Template: path.Key, Operation: op.Value!.AsObject())))
            .OrderBy(o => o.Template.Count(c => c == '{')) // a literal segment wins over a parameter
            .Select(o => (o.Method, TemplatePattern(o.Template), o.Operation["responses"]!.AsObject(), QueryParameters(o.Operation)))
            .ToList();
    }

    public JsonNode Document { get; }

    /// <summary>
    /// Checks one answer. Requests that match no documented operation (unknown routes, other methods) are not
    /// the contract's business and pass.
    /// </summary>
    public string? Check(string method, string path, int status, string? mediaType, string body)
    {
        var operation = Find(method, path);
        if (operation.Responses is null)
        {
            return null;
        }

        var where = $"{method} {path} answered {status}";
        if (operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
        {
            return $"{where}, a status the OpenAPI document does not list for this operation: {Excerpt(body)}";
        }

        if (response["content"] is not JsonObject { Count: > 0 } content)
        {
            return body.Length == 0 ? null : $"{where} with a body, but the document says it has none: {Excerpt(body)}";
        }

        if (mediaType is null || content[mediaType] is not JsonObject media)
        {
            return $"{where} as {mediaType ?? "(no content type)"}; the document lists {string.Join(", ", content.Select(c => c.Key))}";
        }

        if (media["schema"] is not JsonObject schema || !IsJson(mediaType))
        {
            return null;
        }

        return Validate(schema, body) is { } problem ? $"{where} with a body that {problem}" : null;
    }

    /// <summary>
    /// Checks the query parameters a request's handling looked up: each must be a documented query parameter of
    /// the operation. Requests that match no documented operation pass.
    /// </summary>
    public string? CheckQueryReads(string method, string path, IEnumerable<string> names)
    {
        var operation = Find(method, path);
        if (operation.Query is null)
        {
            return null;
        }

        var undocumented = names.Where(n => !operation.Query.Contains(n)).ToList();
        return undocumented.Count == 0
            ? null
            : $"{method} {path} reads the query parameter(s) {string.Join(", ", undocumented)}, which the OpenAPI document does not list for this operation (document them with WithQuery)";
    }

    /// <summary>Validates a JSON text against a schema of the document (with its references); says what is wrong, or null.</summary>
    public string? Validate(JsonObject schema, string json)
    {
        JsonElement instance;
        try
        {
            using var parsed = JsonDocument.Parse(json);
            instance = parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"is not JSON: {Excerpt(json)}";
        }

        var result = SchemaOf(schema).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }

        var problems = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({e.Key} at {d.SchemaLocation})"))
            .Distinct()
            .Take(8);
        return $"breaks its schema:\n  {string.Join("\n  ", problems)}\nbody: {Excerpt(json)}";
    }

    private (string Method, Regex Path, JsonObject Responses, IReadOnlySet<string> Query) Find(string method, string path) =>
        _operations.FirstOrDefault(o => o.Method == method && o.Path.IsMatch(path));

    private static IReadOnlySet<string> QueryParameters(JsonObject operation) =>
        (operation["parameters"] as JsonArray ?? [])
            .Where(p => (string?)p!["in"] == "query")
            .Select(p => (string)p!["name"]!)
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private JsonSchema SchemaOf(JsonObject responseSchema)
    {
        var key = responseSchema.ToJsonString();
        return _schemas.GetOrAdd(key, _ =>
        {
            var root = (JsonObject)RewriteReferences(responseSchema.DeepClone());
            root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            root["$defs"] = _definitions.DeepClone();
            var uri = new Uri($"urn:storewise:contract:{Interlocked.Increment(ref _built)}");
            return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, uri);
        });
    }

    /// <summary>OpenAPI points into <c>#/components/schemas</c>; the standalone schema keeps them in <c>$defs</c>.</summary>
    private static JsonNode RewriteReferences(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target) && target.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
                    {
                        obj["$ref"] = "#/$defs/" + target[ComponentsPrefix.Length..];
                    }
                    else if (value is not null)
                    {
                        RewriteReferences(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    RewriteReferences(item);
                }

                break;
        }

        return node;
    }

    private static Regex TemplatePattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Excerpt(string body) => body.Length <= 400 ? body : body[..400] + "…";
}
