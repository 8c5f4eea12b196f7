using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Storewise.Api.Imports;

/// <summary>Finds the <c>import</c> part of a multipart/form-data request without buffering the body.</summary>
public static class ImportUpload
{
    public const string PartName = "import";

    /// <summary>The multipart boundary, or null when the request is not multipart/form-data.</summary>
    public static string? Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        return string.IsNullOrEmpty(boundary) ? null : boundary;
    }

    /// <summary>Reads sections until the one named <c>import</c>; its body is then positioned at the file's first byte.</summary>
    public static async Task<MultipartSection?> FindImportPartAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, PartName, StringComparison.Ordinal))
            {
                return section;
            }
        }

        return null;
    }
}
