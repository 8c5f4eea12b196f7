using Microsoft.OpenApi;

namespace Storewise.Api.Hosting;

/// <summary>
/// One query parameter as the OpenAPI document states it. Handlers that read the query themselves (paging, the
/// offer list filters) are invisible to the API explorer, so their routes list these with
/// <see cref="QueryParameterEndpoints.WithQuery"/>; a parameter the framework binds is replaced by the one of the
/// same name, which gives it its real type, limits and description.
/// </summary>
public sealed record QueryParameter(string Name, JsonSchemaType Type, string Description)
{
    public bool Required { get; init; }

    /// <summary>The JSON Schema format of the value (e.g. <c>date-time</c>).</summary>
    public string? Format { get; init; }

    /// <summary>The regular expression the value matches.</summary>
    public string? Pattern { get; init; }

    public int? Minimum { get; init; }

    public int? Maximum { get; init; }

    /// <summary>The values the parameter takes, when it takes a closed set.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The parameter may be repeated (<c>?kind[]=A&amp;kind[]=B</c>); its schema is an array of the value.</summary>
    public bool Repeatable { get; init; }

    /// <summary>Accepted for compatibility and ignored.</summary>
    public bool Ignored { get; init; }

    public OpenApiParameter ToOpenApi()
    {
        var value = new OpenApiSchema
        {
            Type = Type,
            Format = Format,
            Pattern = Pattern,
            Minimum = Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Enum = Values?.Select(v => (System.Text.Json.Nodes.JsonNode)v).ToList(),
        };
        return new OpenApiParameter
        {
            Name = Name,
            In = ParameterLocation.Query,
            Required = Required,
            Description = Description,
            Deprecated = Ignored,
            Schema = Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = value } : value,
            // Form style, exploded (the default for the query): a repeated parameter is sent once per value.
            Style = ParameterStyle.Form,
            Explode = true,
        };
    }
}
