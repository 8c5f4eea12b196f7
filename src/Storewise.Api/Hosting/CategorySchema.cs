using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Storewise.Api.Offers;
using Storewise.Pricing;

namespace Storewise.Api.Hosting;

/// <summary>
/// Describes the request's <c>category</c> (raw JSON in <see cref="OfferRequest"/>) with <see cref="CategoryRequest"/>:
/// <c>kind</c> as the enum of every kind, and each member <see cref="CategoryReader"/> reads, so clients and the console
/// can build it field by field (docs/decisions/1104-category-in-the-contract.md). The schema stays open: unknown
/// members are accepted and echoed (docs/spec.md §D5). Answers keep their free-form <c>category</c>.
/// </summary>
public static class CategorySchema
{
    private const string Property = "category";

    public static async Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.TryGetValue(nameof(OfferRequest), out var request) != true || request is not OpenApiSchema { Properties: { } properties }
            || !properties.TryGetValue(Property, out var existing))
        {
            return;
        }

        var name = nameof(CategoryRequest);
        if (document.Components.Schemas.ContainsKey(name) != true)
        {
            var schema = OpenApiConventions.AsComponents(await context.GetOrCreateSchemaAsync(typeof(CategoryRequest), null, cancellationToken), document);
            if (schema is OpenApiSchema { Properties: { } members })
            {

                if (members.TryGetValue("kind", out var kind))
                {
                    members["kind"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = kind.Description,
                        Enum = [.. Enum.GetValues<OfferKind>().Select(k => (JsonNode)JsonValue.Create(k.WireName()))],
                    };
                }
            }

            document.AddComponent(name, schema);
        }

        properties[Property] = new OpenApiSchemaReference(name, document)
        {
            Description = existing.Description ?? "The discount: its kind and the members that kind reads. Fixed at creation: a replace keeps the stored one.",
        };
    }
}
