using Microsoft.OpenApi;

namespace Storewise.Api.Hosting;

/// <summary>
/// Marks every object schema an answer can contain as closed (<c>additionalProperties: false</c>), so a field the
/// document does not name is a contract break that the answer-validating tests catch. Request schemas stay open:
/// requests may carry unknown members, which are ignored (docs/spec.md §D3). Free-form objects (no properties, such as an
/// offer's <c>category</c>, which echoes unknown members) and dictionaries stay open too.
/// </summary>
public static class ClosedResponseSchemas
{
    public static Task CloseAsync(OpenApiDocument document, CancellationToken cancellationToken)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        var responses = (document.Paths ?? [])
            .SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.Responses ?? [])
            .SelectMany(r => r.Value.Content?.Values ?? []);
        foreach (var media in responses)
        {
            Close(media.Schema, components, seen);
        }

        return Task.CompletedTask;
    }

    private static void Close(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> components, HashSet<IOpenApiSchema> seen)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            schema = reference.Reference.Id is { } id && components.TryGetValue(id, out var target) ? target : null;
        }

        if (schema is not OpenApiSchema concrete || !seen.Add(concrete))
        {
            return;
        }

        if (concrete.Properties is { Count: > 0 } properties && concrete.AdditionalProperties is null)
        {
            concrete.AdditionalPropertiesAllowed = false;
            foreach (var property in properties.Values)
            {
                Close(property, components, seen);
            }
        }

        Close(concrete.Items, components, seen);
        Close(concrete.AdditionalProperties, components, seen);
        foreach (var part in (concrete.AllOf ?? []).Concat(concrete.AnyOf ?? []).Concat(concrete.OneOf ?? []))
        {
            Close(part, components, seen);
        }
    }
}
