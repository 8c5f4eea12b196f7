using System.Text.Json.Nodes;

namespace Storewise.BackOffice.Forms;

/// <summary>
/// The API contract (docs/openapi.json, embedded in this assembly at build time) read as form shapes: every field the
/// API takes appears in the console's forms without a change here (docs/decisions/1103-forms-from-the-api-contract.md).
/// </summary>
public sealed class ApiContract
{
    private const int MaxDepth = 10;

    private readonly JsonObject _document;

    public ApiContract(JsonObject document) => _document = document;

    public static ApiContract Embedded()
    {
        using var stream = typeof(ApiContract).Assembly.GetManifestResourceStream("Storewise.BackOffice.openapi.json")
            ?? throw new InvalidOperationException("docs/openapi.json is not embedded in the console");
        return new ApiContract(JsonNode.Parse(stream)!.AsObject());
    }

    /// <summary>The JSON request body of an operation, by its operation id.</summary>
    public SchemaShape RequestBody(string operationId)
    {
        foreach (var (_, pathItem) in _document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in pathItem!.AsObject())
            {
                if (operation is JsonObject op && op["operationId"]?.GetValue<string>() == operationId)
                {
                    var schema = op["requestBody"]?["content"]?["application/json"]?["schema"]
                        ?? throw new InvalidOperationException($"{operationId} takes no JSON body");
                    return Shape(schema, 0);
                }
            }
        }

        throw new InvalidOperationException($"no operation {operationId} in the API contract");
    }

    /// <summary>The values of an enum query parameter of an operation (e.g. the kinds of the list filters).</summary>
    public IReadOnlyList<string> QueryChoices(string operationId, string parameter)
    {
        foreach (var (_, pathItem) in _document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in pathItem!.AsObject())
            {
                if (operation is not JsonObject op || op["operationId"]?.GetValue<string>() != operationId || op["parameters"] is not JsonArray parameters)
                {
                    continue;
                }

                var match = parameters.FirstOrDefault(p => p?["name"]?.GetValue<string>() == parameter);
                var schema = match?["schema"];
                return Shape((schema?["items"] ?? schema)!, 0).Choices;
            }
        }

        return [];
    }

    private SchemaShape Shape(JsonNode schema, int depth)
    {
        var description = schema["description"]?.GetValue<string>();
        if (depth > MaxDepth)
        {
            return SchemaShape.Json(description);
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var resolved = Shape(Resolve(reference), depth + 1);
            return description is null ? resolved : resolved with { Description = description };
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray union)
        {
            var others = union.Where(option => !IsNull(option!)).ToList();
            if (others.Count == 1)
            {
                var inner = Shape(others[0]!, depth + 1);
                return inner with { Nullable = inner.Nullable || others.Count < union.Count, Description = description ?? inner.Description };
            }

            return SchemaShape.Json(description);
        }

        var types = Types(schema);
        var nullable = types.Contains("null");
        var type = types.FirstOrDefault(t => t != "null");
        if (schema["enum"] is JsonArray values)
        {
            return new SchemaShape(FieldKind.Choice, nullable, description, [], null, [.. values.Where(v => v is not null).Select(v => v!.ToString())]);
        }

        switch (type)
        {
            case "string":
                return new SchemaShape(FieldKind.Text, nullable, description, [], null, []);
            case "number":
                return new SchemaShape(FieldKind.Number, nullable, description, [], null, []);
            case "integer":
                return new SchemaShape(FieldKind.Integer, nullable, description, [], null, []);
            case "boolean":
                return new SchemaShape(FieldKind.Boolean, nullable, description, [], null, []);
            case "array":
                var items = schema["items"] is { } itemSchema ? Shape(itemSchema, depth + 1) : SchemaShape.Json(null);
                var kind = items.Kind switch
                {
                    FieldKind.Object => FieldKind.ObjectList,
                    FieldKind.Text or FieldKind.Number or FieldKind.Integer or FieldKind.Choice => FieldKind.TextList,
                    _ => FieldKind.Json,
                };
                return new SchemaShape(kind, nullable, description, [], items, []);
            case "object":
                if (schema["properties"] is JsonObject properties)
                {
                    var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
                    return new SchemaShape(
                        FieldKind.Object,
                        nullable,
                        description,
                        [.. properties.Select(p => new SchemaProperty(p.Key, Shape(p.Value!, depth + 1), required.Contains(p.Key)))],
                        null,
                        []);
                }

                if (schema["additionalProperties"] is JsonObject valueSchema)
                {
                    return new SchemaShape(FieldKind.Map, nullable, description, [], Shape(valueSchema, depth + 1), []);
                }

                return SchemaShape.Json(description);
            default:
                return SchemaShape.Json(description);
        }
    }

    private JsonNode Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"unsupported reference {reference}");
        }

        return _document["components"]?["schemas"]?[reference[prefix.Length..]]
            ?? throw new InvalidOperationException($"unknown schema {reference}");
    }

    private static bool IsNull(JsonNode option) => Types(option) is ["null"];

    private static List<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };
}
