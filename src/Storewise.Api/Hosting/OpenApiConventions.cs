using System.ComponentModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Storewise.Api.Errors;

namespace Storewise.Api.Hosting;

/// <summary>
/// Makes the OpenAPI document say what every route really answers: the bearer scheme and the scope each
/// operation needs, and the error statuses any route may give (bad input, wrong content type, auth, rate limit,
/// database down, unknown id) next to the ones an endpoint declares itself (409, 422). Error responses get the body shape
/// their route uses. Clients and the hostile-input tests read the statuses from here.
/// </summary>
public static class OpenApiConventions
{
    public const string BearerScheme = "bearer";

    public static void AddStorewiseConventions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with the claims tenant, sub and scope (space-separated scopes).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(DescribeAsync);
        // XML comments never reach a property of any JSON (a JsonNode); such a property says what it is with [Description].
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (schema.Description is null && context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), false) is [DescriptionAttribute described, ..])
            {
                schema.Description = described.Description;
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            // "null or any JSON" as oneOf fails for null (it matches both); any JSON already includes null.
            foreach (var component in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
            {
                foreach (var (name, property) in component.Properties?.ToList() ?? [])
                {
                    if (WithoutNull(property) is OpenApiSchemaReference { Target.Type: null } anyJson && !ReferenceEquals(anyJson, property))
                    {
                        component.Properties![name] = anyJson;
                    }
                }
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(CategorySchema.DescribeAsync);
        options.AddDocumentTransformer((document, _, cancellationToken) => ClosedResponseSchemas.CloseAsync(document, cancellationToken));
        options.AddDocumentTransformer((document, _, _) => TagDescriptions.DescribeAsync(document));
        options.AddSchemaTransformer(RequestRequiredMembers.RecordAsync);
        options.AddDocumentTransformer((document, _, _) => RequestRequiredMembers.ApplyAsync(document));
    }

    // A body the handler reads itself is described as a component, like the ones the framework binds, so generated
    // clients get one model per type instead of an inline copy per operation.
    private static async Task<IOpenApiSchema> ComponentAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent(type.Name, AsComponents(await context.GetOrCreateSchemaAsync(type, null, cancellationToken), document));
        }

        return new OpenApiSchemaReference(type.Name, document);
    }

    // The nested types of such a body (a reservation's cart, say) become references to their components too; the
    // schema id is the one the framework gives the type when it binds it itself.
    internal static IOpenApiSchema AsComponents(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema inline)
        {
            return schema;
        }

        foreach (var (name, property) in inline.Properties?.ToList() ?? [])
        {
            inline.Properties![name] = Nested(property, document);
        }

        if (inline.Items is { } items)
        {
            inline.Items = Nested(items, document);
        }

        return inline;
    }

    private static IOpenApiSchema Nested(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is OpenApiSchema { Metadata: { } metadata } inline && metadata.TryGetValue("x-schema-id", out var value)
            && value is string { Length: > 0 } id)
        {
            if (document.Components?.Schemas?.ContainsKey(id) != true)
            {
                document.AddComponent(id, AsComponents(inline, document));
            }

            return new OpenApiSchemaReference(id, document);
        }

        return AsComponents(schema, document);
    }

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        // A body the framework binds as JSON comes with its content-type check (415); a documented one does not.
        var frameworkReadsJson = operation.RequestBody?.Content?.ContainsKey("application/json") == true;
        if (metadata.OfType<DocumentedRequestBody>().FirstOrDefault() is { } body)
        {
            var schema = body.ContentType == "multipart/form-data"
                ? new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "import" },
                    Properties = new Dictionary<string, IOpenApiSchema> { ["import"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The CSV file of codes." } },
                }
                : await ComponentAsync(body.Type, context, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new OpenApiMediaType { Schema = schema } },
            };
        }

        if (operation.RequestBody is OpenApiRequestBody requestBody)
        {
            // Every body is required: the handlers answer a missing one with 400, so "null or a cart" is not the contract.
            requestBody.Required = true;
            foreach (var media in requestBody.Content?.Values ?? [])
            {
                media.Schema = WithoutNull(media.Schema);
                media.Example ??= RequestExamples.For(operation.OperationId);
            }
        }

        if (metadata.OfType<DocumentedQuery>().FirstOrDefault() is { } query)
        {
            DocumentQuery(operation, query);
        }

        var path = "/" + (description.RelativePath ?? "").Split('?')[0];
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var scopes = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        operation.Responses ??= [];

        if (!anonymous)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = scopes },
            ];
            AddError(operation, context.Document, path, 401, "Missing, expired or otherwise invalid bearer token.");
            AddError(operation, context.Document, path, 403, scopes.Count > 0 ? $"The token lacks the scope {string.Join(", ", scopes)}, or the tenant header differs from the token." : "Forbidden.");
            AddError(operation, context.Document, path, 429, "Too many requests for this tenant; see Retry-After.");
        }

        // Handlers that read the query or body themselves do not show them to the API explorer, so 400 is listed everywhere.
        AddError(operation, context.Document, path, 400, "Invalid input (body, path, query or header); the message names the field or the problem.");
        if (frameworkReadsJson)
        {
            AddError(operation, context.Document, path, 415, "The body has a content type the route does not take.");
        }

        var hasPathParameters = description.ParameterDescriptions.Any(p => p.Source.Id == "Path");

        if (hasPathParameters)
        {
            AddError(operation, context.Document, path, 404, "No such resource for this tenant.");
        }

        AddError(operation, context.Document, path, 503, "The database is unavailable; retry shortly.");

        var errors = ErrorSchemaFor(path);
        if (context.Document?.Components?.Schemas?.ContainsKey(errors.Name) != true)
        {
            context.Document?.AddComponent(errors.Name, await context.GetOrCreateSchemaAsync(errors, null, cancellationToken));
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (status.Length == 3 && status[0] is '4' or '5' && response is OpenApiResponse concrete)
            {
                concrete.Content = ErrorContent(path, context.Document);
                concrete.Description ??= "Error.";
            }
        }

    }

    /// <summary>Adds the documented query parameters; one the framework binds keeps its place and takes the documented form.</summary>
    private static void DocumentQuery(OpenApiOperation operation, DocumentedQuery query)
    {
        operation.Parameters ??= [];
        foreach (var parameter in query.Parameters)
        {
            var documented = parameter.ToOpenApi();
            var bound = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == parameter.Name);
            if (bound is null)
            {
                operation.Parameters.Add(documented);
            }
            else
            {
                operation.Parameters[operation.Parameters.IndexOf(bound)] = documented;
            }
        }
    }

    private static void AddError(OpenApiOperation operation, OpenApiDocument? document, string path, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse { Description = description, Content = ErrorContent(path, document) };
        }
    }

    /// <summary>The error body of a route: problem+json on the sales-order routes, shape B elsewhere (docs/spec.md §D11).</summary>
    private static Type ErrorSchemaFor(string path) => ErrorShape.UsesProblemJson(path) ? typeof(ProblemError) : typeof(ApiError);

    private static Dictionary<string, OpenApiMediaType> ErrorContent(string path, OpenApiDocument? document) => new()
    {
        [ErrorShape.UsesProblemJson(path) ? "application/problem+json" : "application/json"] =
            new OpenApiMediaType { Schema = new OpenApiSchemaReference(ErrorSchemaFor(path).Name, document) },
    };

    /// <summary><c>oneOf [null, X]</c> (what a nullable handler parameter produces) becomes X.</summary>
    private static IOpenApiSchema? WithoutNull(IOpenApiSchema? schema) =>
        schema is OpenApiSchema { OneOf: { Count: 2 } oneOf } && oneOf.Count(s => s.Type == JsonSchemaType.Null) == 1
            ? oneOf.First(s => s.Type != JsonSchemaType.Null)
            : schema;
}
