using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Storewise.Api.Hosting;

/// <summary>
/// A request schema lists as required only what the deserializer enforces (C# <c>required</c> members). The
/// schema generator also marks every constructor parameter of a record as required, but a request body may leave
/// them out: the handlers name each missing field in their own 400. Answer schemas keep every member required,
/// since every member is always written.
/// </summary>
public static class RequestRequiredMembers
{
    private const string EnforcedKey = "storewise-enforced-required";

    /// <summary>Schema transformer: remembers on each object schema which members its type enforces.</summary>
    public static Task RecordAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            schema.Metadata ??= new Dictionary<string, object>();
            schema.Metadata[EnforcedKey] = context.JsonTypeInfo.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    /// <summary>Document transformer: schemas reachable from a request body and from no answer get the enforced list.</summary>
    public static Task ApplyAsync(OpenApiDocument document)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var operations = (document.Paths ?? []).SelectMany(p => p.Value.Operations ?? []).Select(o => o.Value).ToList();
        var requests = Reachable(operations.SelectMany(o => o.RequestBody?.Content?.Values ?? []).Select(m => m.Schema), components);
        var answers = Reachable(operations.SelectMany(o => o.Responses ?? []).SelectMany(r => r.Value.Content?.Values ?? []).Select(m => m.Schema), components);
        foreach (var schema in requests.Where(s => !answers.Contains(s)))
        {
            if (schema.Metadata?.TryGetValue(EnforcedKey, out var value) == true && value is HashSet<string> enforced && schema.Required is { Count: > 0 } required)
            {
                required.IntersectWith(enforced);
                if (required.Count == 0)
                {
                    schema.Required = null;
                }
            }
        }

        return Task.CompletedTask;
    }

    private static HashSet<OpenApiSchema> Reachable(IEnumerable<IOpenApiSchema?> roots, IDictionary<string, IOpenApiSchema> components)
    {
        var seen = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<IOpenApiSchema?>(roots);
        while (pending.TryPop(out var next))
        {
            if (next is OpenApiSchemaReference reference)
            {
                next = reference.Reference.Id is { } id && components.TryGetValue(id, out var target) ? target : null;
            }

            if (next is not OpenApiSchema schema || !seen.Add(schema))
            {
                continue;
            }

            foreach (var part in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []))
            {
                pending.Push(part);
            }

            pending.Push(schema.Items);
            pending.Push(schema.AdditionalProperties);
        }

        return seen;
    }
}
