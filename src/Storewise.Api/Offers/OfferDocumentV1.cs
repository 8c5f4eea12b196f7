using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Storewise.Api.Offers;

/// <summary>
/// Reads documents of schema version 1: the resource JSON without <c>status</c>, as the service stored it before
/// documents carried a <c>schemaVersion</c>. Only its category has no typed form, so that part goes through
/// <see cref="CategoryReader"/> again; rows are upgraded to the current version when they are next written.
/// </summary>
public static class OfferDocumentV1
{
    /// <summary>
    /// Reads a version 1 document of the given <c>offers.type</c>. Throws <see cref="FormatException"/> if it is
    /// not an offer.
    /// </summary>
    public static OfferDocument Read(OfferType type, string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("offer document is not a JSON object");
        var category = root["category"] as JsonObject ?? throw new FormatException("offer document has no category");
        var validTo = Text(root, "validTo");
        return new OfferDocument(
            type,
            Required(root, "id"),
            Required(root, "name"),
            Text(root, "description"),
            Flag(root, "active") ?? false,
            ValidityTime.ParseStored(Required(root, "validFrom")),
            validTo is null ? null : ValidityTime.ParseStored(validTo),
            Flag(root, "localizedTimezone"),
            CategoryReader.ReadStored((JsonObject)category.DeepClone(), type),
            [.. (root["currencies"] as JsonArray ?? []).Select(c => new OfferCurrency(
                Required(c!.AsObject(), "code"),
                c["minimumCartValue"]?.GetValue<decimal>()))],
            Strings(root, "stores"),
            Flag(root, "exclusive") ?? false,
            root["segment"] is JsonObject s
                ? new OfferSegment(Required(s, "key"), Required(s, "value"), s["schema"]!.GetValue<int>())
                : null,
            Flag(root, "singleUse") ?? false,
            Strings(root, "consumers"),
            Text(root, "externalId"),
            Required(root, "tenant"),
            Required(root, "version"),
            Instant(Required(root, "createdAt")),
            Required(root, "createdBy"),
            Instant(Required(root, "updatedAt")),
            Required(root, "updatedBy"));
    }

    private static string? Text(JsonObject owner, string name) =>
        owner[name] is { } node && node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static string Required(JsonObject owner, string name) =>
        Text(owner, name) ?? throw new FormatException($"offer document has no {name}");

    private static bool? Flag(JsonObject owner, string name) =>
        owner[name] is { } node && node.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? node.GetValue<bool>() : null;

    private static string[] Strings(JsonObject owner, string name) =>
        [.. (owner[name] as JsonArray ?? []).Select(n => n!.GetValue<string>())];

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
