using System.Text.Json;
using System.Text.Json.Nodes;
using Storewise.Api.Common;

namespace Storewise.Api.Offers;

/// <summary>
/// Converts <see cref="OfferDocument"/> to and from the JSON kept in <c>offers.document</c>, and writes the
/// resource the API returns. Anything that needs the stored offers (the cart pricing, redemptions) reads them
/// with <see cref="Parse"/>; the category keeps its raw JSON for echoing next to the typed fields.
/// </summary>
public static class OfferDocuments
{
    /// <summary>
    /// Reads one stored document (<c>offers.document</c>) of the given <c>offers.type</c> without validating it
    /// again: the current version deserializes straight into the model; version 1 goes through
    /// <see cref="OfferDocumentV1"/>. Throws <see cref="FormatException"/> if it is not an offer.
    /// </summary>
    public static OfferDocument Parse(OfferType type, string json)
    {
        StoredOffer? stored;
        try
        {
            stored = JsonSerializer.Deserialize(json, OfferJsonContext.Default.StoredOffer);
        }
        catch (JsonException exception)
        {
            // A stored row that does not read is the service's fault, never the request's.
            throw new FormatException("offer document is not an offer: " + exception.Message, exception);
        }

        if (stored is null)
        {
            throw new FormatException("offer document is not a JSON object");
        }

        return stored.SchemaVersion switch
        {
            StoredOffer.CurrentSchemaVersion when stored.Offer is { } offer => offer,
            0 => OfferDocumentV1.Read(type, json),
            _ => throw new FormatException($"offer document has unknown schema version {stored.SchemaVersion}"),
        };
    }

    /// <summary>The text written to <c>offers.document</c>: the model itself, at the current schema version.</summary>
    public static string Serialize(OfferDocument offer) =>
        JsonSerializer.Serialize(new StoredOffer(StoredOffer.CurrentSchemaVersion, offer), OfferJsonContext.Default.StoredOffer);

    /// <summary>
    /// The resource fields: every field in the vendor's order, with null or [] for absent values.
    /// Coupon-only fields (singleUse, consumers, externalId) appear on coupons only (docs/spec.md §8 #30); the coupon
    /// entity has no <c>codes</c> (docs/spec.md §7, Nov 2024).
    /// </summary>
    private static JsonObject ResourceFields(OfferDocument offer)
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

        AddUsageLimits(json, offer);
        if (offer.Rewards is { } rewards)
        {
            OfferRewardsJson.Add(json, rewards);
        }

        json["version"] = offer.Version;
        return json;
    }

    /// <summary>
    /// The resource as the API returns it: the resource fields plus <c>status</c> at <paramref name="now"/>; with
    /// <paramref name="nameAsMissingDescription"/> an omitted description shows the name (docs/spec.md §8 #24).
    /// </summary>
    public static JsonObject ToResource(OfferDocument offer, DateTimeOffset now, bool nameAsMissingDescription)
    {
        var json = ResourceFields(offer);
        if (nameAsMissingDescription && offer.Description is null)
        {
            json["description"] = offer.Name;
        }

        json["status"] = OfferStatus.Of(offer, now);
        return json;
    }

    // Only when set: an offer without them answers exactly as before they existed.
    private static void AddUsageLimits(JsonObject json, OfferDocument offer)
    {
        if (offer.Limits is { } limits)
        {
            var node = new JsonObject();
            AddIfSet(node, "maxRedemptions", limits.MaxRedemptions);
            AddIfSet(node, "maxRedemptionsPerCode", limits.MaxRedemptionsPerCode);
            AddIfSet(node, "maxRedemptionsPerCustomer", limits.MaxRedemptionsPerCustomer);
            json["limits"] = node;
        }

        if (offer.Budget is { } budget)
        {
            var node = new JsonObject
            {
                ["amounts"] = new JsonArray([.. budget.Amounts.Select(a => (JsonNode)new JsonObject
                {
                    ["currency"] = a.Currency,
                    ["amount"] = a.Amount,
                })]),
            };
            AddIfSet(node, "redemptions", budget.Redemptions);
            node["period"] = budget.Period.ToString().ToLowerInvariant();
            node["perStore"] = budget.PerStore;
            json["budget"] = node;
        }

        if (offer.TimeZone is not null)
        {
            json["timeZone"] = offer.TimeZone;
        }

        AddAudience(json, offer);
    }

    // Only when set, like the usage limits (docs/pricing-semantics.md, "Time and audience").
    private static void AddAudience(JsonObject json, OfferDocument offer)
    {
        if (offer.Schedule is { } schedule)
        {
            json["schedule"] = new JsonArray([.. schedule.Select(w => (JsonNode)new JsonObject
            {
                ["days"] = new JsonArray([.. w.Days.Select(d => (JsonNode?)JsonValue.Create(d.ToString()))]),
                ["from"] = w.From,
                ["to"] = w.To,
            })]);
        }

        if (offer.ChannelTypes is { } channelTypes)
        {
            json["channelTypes"] = StringArray(channelTypes);
        }

        if (offer.CustomerConditions is { } conditions)
        {
            json["customerConditions"] = new JsonObject
            {
                ["allOf"] = Conditions(conditions.AllOf),
                ["anyOf"] = Conditions(conditions.AnyOf),
            };
        }

        if (offer.MinimumQuantity is { } minimumQuantity)
        {
            json["minimumQuantity"] = minimumQuantity;
        }
    }

    private static JsonArray Conditions(IReadOnlyList<OfferAttributeCondition> conditions) => new([.. conditions.Select(c =>
    {
        var node = new JsonObject { ["key"] = c.Key };
        if (c.Values is { } values)
        {
            node["values"] = StringArray(values);
        }
        else
        {
            node["value"] = c.Value;
        }

        return (JsonNode)node;
    })]);

    private static void AddIfSet(JsonObject node, string name, int? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    private static JsonArray StringArray(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
