using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storewise.Api.Common;

namespace Storewise.Api.Offers;

/// <summary>
/// Converts between <see cref="OfferDocument"/> and the JSON kept in <c>offers.document</c>, which is the
/// resource as the API returns it without the derived <c>status</c>. Anything that needs the stored offers
/// (the cart pricing, for one) reads them with <see cref="Parse"/>; the category keeps its raw JSON for echoing
/// next to the typed fields.
/// </summary>
public static class OfferDocuments
{
    /// <summary>
    /// Reads one stored document (<c>offers.document</c>) of the given <c>offers.type</c>. Throws
    /// <see cref="FormatException"/> if it is not a valid offer.
    /// </summary>
    public static OfferDocument Parse(OfferType type, string json)
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

    /// <summary>
    /// The stored form: every field of the resource in the vendor's order, with null or [] for absent values.
    /// Coupon-only fields (singleUse, consumers, externalId) appear on coupons only (SPEC 8 #30); the coupon
    /// entity has no <c>codes</c> (SPEC 7, Nov 2024).
    /// </summary>
    public static JsonObject ToJson(OfferDocument offer)
    {
        var json = new JsonObject
        {
            ["id"] = offer.Id,
            ["name"] = offer.Name,
            ["description"] = offer.Description,
            ["validFrom"] = offer.ValidFrom.Text,
            ["validTo"] = offer.ValidTo?.Text,
            ["category"] = offer.Category.Raw.DeepClone(),
            ["active"] = offer.Active,
            ["createdAt"] = Timestamps.Rfc3339(offer.CreatedAt),
            ["createdBy"] = offer.CreatedBy,
            ["updatedAt"] = Timestamps.Rfc3339(offer.UpdatedAt),
            ["updatedBy"] = offer.UpdatedBy,
            ["tenant"] = offer.Tenant,
            ["currencies"] = new JsonArray([.. offer.Currencies.Select(c => (JsonNode)new JsonObject
            {
                ["code"] = c.Code,
                ["minimumCartValue"] = c.MinimumCartValue,
            })]),
            ["stores"] = StringArray(offer.Stores),
            ["localizedTimezone"] = offer.LocalizedTimezone,
            ["exclusive"] = offer.Exclusive,
            ["segment"] = offer.Segment is null ? null : new JsonObject
            {
                ["key"] = offer.Segment.Key,
                ["value"] = offer.Segment.Value,
                ["schema"] = offer.Segment.Schema,
            },
        };
        if (offer.Type == OfferType.Coupon)
        {
            json["singleUse"] = offer.SingleUse;
            json["consumers"] = StringArray(offer.Consumers);
            json["externalId"] = offer.ExternalId;
        }

        json["version"] = offer.Version;
        return json;
    }

    /// <summary>
    /// The resource as the API returns it: the stored form plus <c>status</c> at <paramref name="now"/>; with
    /// <paramref name="nameAsMissingDescription"/> an omitted description shows the name (SPEC 8 #24).
    /// </summary>
    public static JsonObject ToResource(OfferDocument offer, DateTimeOffset now, bool nameAsMissingDescription)
    {
        var json = ToJson(offer);
        if (nameAsMissingDescription && offer.Description is null)
        {
            json["description"] = offer.Name;
        }

        json["status"] = OfferStatus.Of(offer, now);
        return json;
    }

    private static string? Text(JsonObject owner, string name) =>
        owner[name] is { } node && node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static string Required(JsonObject owner, string name) =>
        Text(owner, name) ?? throw new FormatException($"offer document has no {name}");

    private static bool? Flag(JsonObject owner, string name) =>
        owner[name] is { } node && node.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? node.GetValue<bool>() : null;

    private static string[] Strings(JsonObject owner, string name) =>
        [.. (owner[name] as JsonArray ?? []).Select(n => n!.GetValue<string>())];

    private static JsonArray StringArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
