using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Hostile;

/// <summary>One operation of the API as the OpenAPI document describes it.</summary>
public sealed record ApiOperation(
    string Method,
    string Template,
    IReadOnlyList<string> PathParameters,
    bool HasJsonBody,
    bool IsMultipart,
    IReadOnlySet<int> Statuses,
    IReadOnlyList<string> Scopes)
{
    public string Name => $"{Method} {Template}";

    /// <summary>The URL with each path parameter replaced by <paramref name="value"/> of its name (escaped).</summary>
    public string Url(Func<string, string> value, string query = "") =>
        Regex.Replace(Template, @"\{([^}]+)\}", m => Uri.EscapeDataString(value(m.Groups[1].Value))) + query;

    public bool Documents(int status) => Statuses.Contains(status);
}

/// <summary>
/// Every route of the service, read from its own OpenAPI document, so a route added later is covered by the
/// route-wide tests without anyone listing it.
/// </summary>
public static class ApiRoutes
{
    public static async Task<IReadOnlyList<ApiOperation>> ReadAsync(ApiFixture fixture)
    {
        using var client = fixture.AnonymousClient();
        var document = await (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).ExpectAsync(200);
        var operations = new List<ApiOperation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description" || operation is not JsonObject op)
                {
                    continue;
                }

                var pathParameters = (op["parameters"]?.AsArray() ?? [])
                    .Where(p => (string?)p!["in"] == "path")
                    .Select(p => (string)p!["name"]!)
                    .ToList();
                var hasJson = op["requestBody"]?["content"]?["application/json"] is not null;
                var multipart = op["requestBody"]?["content"]?["multipart/form-data"] is not null;
                var statuses = op["responses"]!.AsObject()
                    .Select(r => int.Parse(r.Key, CultureInfo.InvariantCulture))
                    .ToHashSet();
                var scopes = (op["security"]?.AsArray() ?? [])
                    .SelectMany(requirement => requirement!.AsObject().SelectMany(s => s.Value!.AsArray().Select(x => (string)x!)))
                    .ToList();
                operations.Add(new ApiOperation(method.ToUpperInvariant(), template, pathParameters, hasJson, multipart, statuses, scopes));
            }
        }

        return operations.OrderBy(o => o.Template, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
    }
}
