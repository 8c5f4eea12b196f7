using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Storewise.BackOffice.Api;

/// <summary>
/// The console's only way to the product: the public HTTP API, called with the signed-in user's own identity, so
/// the console can do nothing an integrator cannot and every validation message is the API's.
/// </summary>
public sealed class ConsoleApi(IHttpClientFactory clients, ApiAddress address, ApiBearer bearer, IHttpContextAccessor accessor)
{
    public const string ClientName = "storewise-console-api";

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken = default)
    {
        using var request = await RequestAsync(method, path);
        if (body is not null || method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        }

        return await SendAsync(request, cancellationToken);
    }

    /// <summary>A multipart upload of one file in part <paramref name="part"/>.</summary>
    public async Task<ApiAnswer> UploadAsync(string path, string part, Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        using var request = await RequestAsync(HttpMethod.Post, path);
        var content = new MultipartFormDataContent();
        var stream = new StreamContent(file);
        stream.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(stream, part, fileName);
        request.Content = content;
        return await SendAsync(request, cancellationToken);
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("the console calls the API only within a request");
        var request = new HttpRequestMessage(method, new Uri(address.Resolve(), path));
        var token = await bearer.ForAsync(context);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? body = null;
        if (text.Length > 0)
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
            }
        }

        return new ApiAnswer((int)response.StatusCode, body);
    }
}
