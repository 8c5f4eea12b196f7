using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Webhooks;

/// <summary>Calls the webhook tests share: register an endpoint, change promotions, read payloads.</summary>
public static class WebhookApi
{
    public const string Path = "/v0/promotions/webhooks";

    /// <summary>Registers <paramref name="url"/> for <paramref name="types"/>; the endpoint id and its signing secret.</summary>
    public static async Task<(string Id, string Secret)> RegisterAsync(this HttpClient client, string url, params string[] types)
    {
        var body = new JsonObject { ["url"] = url, ["eventTypes"] = new JsonArray([.. types.Select(t => (JsonNode)t)]) };
        var created = await (await client.SendJsonAsync(HttpMethod.Post, Path, body.ToJsonString())).ExpectAsync(201);
        return ((string)created["webhook"]!["id"]!, (string)created["secret"]!);
    }

    /// <summary>Creates a promotion and replaces it <paramref name="updates"/> times, renaming it "{name} v{n}" each time.</summary>
    public static async Task<string> PromotionWithUpdatesAsync(this HttpClient client, string name, int updates)
    {
        var created = await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body($"{name} v0"));
        var id = (string)created["promotion"]!["id"]!;
        var current = created["promotion"]!;
        for (var n = 1; n <= updates; n++)
        {
            var version = n;
            var body = OfferBodies.ReplaceBody(current, b => b["name"] = $"{name} v{version}");
            current = (await (await client.PutJsonAsync($"{OfferBodies.PromotionsPath}/{id}", body)).ExpectAsync(200))["promotion"]!;
        }

        return id;
    }

    public static JsonNode Payload(this ReceivedWebhook received) => JsonNode.Parse(received.Body)!;

    /// <summary>What was received, first arrival of each event only (later ones are at-least-once duplicates).</summary>
    public static List<ReceivedWebhook> FirstArrivals(this IEnumerable<ReceivedWebhook> received) =>
        received.GroupBy(r => r.Id).Select(g => g.First()).ToList();
}
