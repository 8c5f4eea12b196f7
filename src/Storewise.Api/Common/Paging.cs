using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;

namespace Storewise.Api.Common;

/// <summary>The <c>count</c>/<c>page</c> query of every list (docs/spec.md §0.6): count 1..150, page ≥ 1.</summary>
public readonly record struct PageRequest(int Count, int Page)
{
    public const int MaxCount = 150;

    /// <summary>Rows to skip; a long, because a huge page times count overflows an int (a negative OFFSET fails on PostgreSQL).</summary>
    public long Offset => (long)(Page - 1) * Count;

    /// <summary>The two parameters as the OpenAPI document states them, on every list route.</summary>
    public static IReadOnlyList<QueryParameter> Parameters { get; } =
    [
        new("count", JsonSchemaType.Integer, $"Items per page, from 1 to {MaxCount}.") { Required = true, Minimum = 1, Maximum = MaxCount },
        new("page", JsonSchemaType.Integer, "The page to return, from 1.") { Required = true, Minimum = 1 },
    ];

    /// <summary>Parses the raw query values; on failure <paramref name="error"/> is the 400 answer.</summary>
    public static bool TryParse(string? count, string? page, out PageRequest request, out IResult? error)
    {
        request = default;
        error = null;
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c < 1 || c > MaxCount)
        {
            error = ErrorResults.BadRequest($"count: must be an integer from 1 to {MaxCount}", "validation_failed");
            return false;
        }

        if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p < 1)
        {
            error = ErrorResults.BadRequest("page: must be an integer of at least 1", "validation_failed");
            return false;
        }

        request = new PageRequest(c, p);
        return true;
    }
}

public sealed record PageLinks(
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("previous")] string? Previous);

public sealed record PageInfo(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("total")] long Total);

/// <summary>A list answer: <c>{items, links:{next,previous}, pagination:{count,page,total}}</c>.</summary>
public sealed record PagedList<T>(
    [property: JsonPropertyName("items")] IReadOnlyList<T> Items,
    [property: JsonPropertyName("links")] PageLinks Links,
    [property: JsonPropertyName("pagination")] PageInfo Pagination)
{
    /// <summary>
    /// Builds the page with its links; <paramref name="path"/> is relative to the service prefix
    /// (e.g. <c>/coupon</c>) and every other query parameter of the request is kept in the links.
    /// </summary>
    public static PagedList<T> Create(IReadOnlyList<T> items, PageRequest request, long total, string path, IQueryCollection query)
    {
        var next = (long)request.Page * request.Count < total ? Link(path, query, request.Count, request.Page + 1) : null;
        var previous = request.Page > 1 ? Link(path, query, request.Count, request.Page - 1) : null;
        return new PagedList<T>(items, new PageLinks(next, previous), new PageInfo(request.Count, request.Page, total));
    }

    private static string Link(string path, IQueryCollection query, int count, int page)
    {
        var sb = new StringBuilder(path).Append("?count=").Append(count).Append("&page=").Append(page);
        foreach (var (key, values) in query)
        {
            if (key is "count" or "page")
            {
                continue;
            }

            foreach (var value in values)
            {
                sb.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
            }
        }

        return sb.ToString();
    }
}
