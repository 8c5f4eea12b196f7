using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Imports;

/// <summary>Uploads CSV files and waits for their imports to end.</summary>
public static class ImportApi
{
    public static string Url(string couponId) => $"/v0/promotions/coupon/{couponId}/code/import";

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string couponId, string csv, string part = "import") =>
        client.UploadAsync(couponId, Encoding.UTF8.GetBytes(csv), part);

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string couponId, byte[] csv, string part = "import")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, part, "codes.csv");
        return await client.PostAsync(Url(couponId), content);
    }

    /// <summary>Uploads and expects 202; returns the import id.</summary>
    public static async Task<string> ImportAsync(this HttpClient client, string couponId, string csv)
    {
        var accepted = await (await client.UploadAsync(couponId, csv)).ExpectAsync(202);
        return (string)accepted["codesImport"]!["id"]!;
    }

    /// <summary>Polls the import until it is COMPLETED or FAILED, checking processed = created + errors on every read.</summary>
    public static async Task<JsonNode> WaitUntilEndedAsync(this HttpClient client, string couponId, string importId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var import = (await (await client.GetAsync($"{Url(couponId)}/{importId}")).ExpectAsync(200))["codesImport"]!;
            Assert.Equal((long)import["processed"]!, (long)import["created"]! + (long)import["errors"]!);
            if ((string?)import["status"] is "COMPLETED" or "FAILED")
            {
                return import;
            }

            Assert.True(DateTime.UtcNow < deadline, $"import still {(string?)import["status"]}");
            await Task.Delay(50);
        }
    }
}
