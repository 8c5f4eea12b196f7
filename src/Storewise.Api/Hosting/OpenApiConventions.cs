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
    }

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (operation.RequestBody is null && metadata.OfType<DocumentedRequestBody>().FirstOrDefault() is { } body)
        {
            var schema = body.ContentType == "multipart/form-data"
                ? new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema> { ["import"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                }
                : await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new OpenApiMediaType { Schema = schema } },
            };
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
            AddError(operation, path, 401, "Missing, expired or otherwise invalid bearer token.");
            AddError(operation, path, 403, scopes.Count > 0 ? $"The token lacks the scope {string.Join(", ", scopes)}, or the tenant header differs from the token." : "Forbidden.");
            AddError(operation, path, 429, "Too many requests for this tenant; see Retry-After.");
        }

        // Handlers that read the query or body themselves do not show them to the API explorer, so 400 is listed everywhere.
        AddError(operation, path, 400, "Invalid input (body, path, query or header); the message names the field or the problem.");
        if (operation.RequestBody?.Content?.ContainsKey("application/json") == true && !metadata.OfType<DocumentedRequestBody>().Any())
        {
            AddError(operation, path, 415, "The body has a content type the route does not take.");
        }

        var hasPathParameters = description.ParameterDescriptions.Any(p => p.Source.Id == "Path");

        if (hasPathParameters)
        {
            AddError(operation, path, 404, "No such resource for this tenant.");
        }

        AddError(operation, path, 503, "The database is unavailable; retry shortly.");

        foreach (var (status, response) in operation.Responses)
        {
            if (status.Length == 3 && status[0] is '4' or '5' && response is OpenApiResponse concrete)
            {
                concrete.Content = ErrorContent(path);
                concrete.Description ??= "Error.";
            }
        }

    }

    private static void AddError(OpenApiOperation operation, string path, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse { Description = description, Content = ErrorContent(path) };
        }
    }

    private static Dictionary<string, OpenApiMediaType> ErrorContent(string path)
    {
        var problem = ErrorShape.UsesProblemJson(path);
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = problem ? new HashSet<string> { "error_code", "message", "request_id" } : new HashSet<string> { "message", "status" },
            Properties = problem
                ? new Dictionary<string, IOpenApiSchema>
                {
                    ["error_code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["request_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
                }
                : new Dictionary<string, IOpenApiSchema>
                {
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["causes"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
        };
        return new Dictionary<string, OpenApiMediaType>
        {
            [problem ? "application/problem+json" : "application/json"] = new OpenApiMediaType { Schema = schema },
        };
    }
}
