using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Storewise.Api.Tests.Hostile;

/// <summary>An answer as the hostile tests judge it.</summary>
public sealed record HostileAnswer(int Status, string? MediaType, string Text)
{
    public bool IsJson => MediaType is "application/json" or "application/problem+json";

    /// <summary>The error message of a JSON error body (shape B and problem+json both have <c>message</c>), or null.</summary>
    public string? Message
    {
        get
        {
            try
            {
                return JsonNode.Parse(Text) is JsonObject body && body["message"] is JsonValue value && value.TryGetValue<string>(out var message) ? message : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    public string Excerpt => Text.Length <= 300 ? Text : Text[..300] + "…";
}

/// <summary>Sends raw bytes with any content type, with or without a declared length.</summary>
public static class HostileRequestSender
{
    public static async Task<HostileAnswer> SendAsync(HttpClient client, string method, string url, byte[]? body, string contentType, bool chunked = false)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
            if (contentType.StartsWith("multipart/", StringComparison.Ordinal) && !contentType.Contains("boundary", StringComparison.Ordinal))
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            else
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            if (chunked)
            {
                request.Headers.TransferEncodingChunked = true;
            }

            request.Content = content;
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new HostileAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    /// <summary>A multipart body with one file part; returns the bytes and the content type with its boundary.</summary>
    public static (byte[] Body, string ContentType) Multipart(byte[] file, string part = "import", string fileName = "codes.csv")
    {
        using var content = new MultipartFormDataContent("hostile-boundary-7d1f");
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(fileContent, part, fileName);
        using var stream = new MemoryStream();
        content.CopyTo(stream, null, CancellationToken.None);
        return (stream.ToArray(), content.Headers.ContentType!.ToString());
    }
}
