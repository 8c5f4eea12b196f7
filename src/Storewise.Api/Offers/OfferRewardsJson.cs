using System.Text.Json.Nodes;

namespace Storewise.Api.Offers;

/// <summary>
/// Writes the reward and stacking fields into an offer resource, each only when set, so an offer without them
/// answers exactly as before they existed (docs/pricing-semantics.md, "Rewards and stacking").
/// </summary>
public static class OfferRewardsJson
{
    public static void Add(JsonObject json, OfferRewards rewards)
    {
        if (rewards.Tiers.Count > 0)
        {
            json["tiers"] = new JsonArray([.. rewards.Tiers.Select(Tier)]);
        }

        if (rewards.MaxDiscount.Count > 0)
        {
            json["maxDiscount"] = Money(rewards.MaxDiscount);
        }

        AddIfSet(json, "maxQuantity", rewards.MaxQuantity);
        if (rewards.Buy is { } buy)
        {
            json["buy"] = UnitSet(buy);
        }

        if (rewards.Get is { } get)
        {
            json["get"] = UnitSet(get);
        }

        if (rewards.GetOrder is { } order)
        {
            json["getOrder"] = order == GetOrder.MostExpensive ? "mostExpensive" : "cheapest";
        }

        AddIfSet(json, "maxApplications", rewards.MaxApplications);
        if (rewards.Gifts.Count > 0)
        {
            json["gifts"] = new JsonArray([.. rewards.Gifts.Select(g => (JsonNode)new JsonObject { ["productId"] = g.ProductId, ["quantity"] = g.Quantity })]);
        }

        AddIfSet(json, "priority", rewards.Priority);
        if (rewards.StackingGroup is not null)
        {
            json["stackingGroup"] = rewards.StackingGroup;
        }

        if (rewards.StopFurther is { } stop)
        {
            json["stopFurther"] = stop;
        }
    }

    private static JsonNode Tier(OfferTier tier)
    {
        var node = new JsonObject();
        if (tier.MinimumCartValue is { } value)
        {
            node["minimumCartValue"] = value;
        }

        AddIfSet(node, "minimumQuantity", tier.MinimumQuantity);
        if (tier.Discount is { } discount)
        {
            node["discount"] = discount;
        }

        if (tier.Discounts.Count > 0)
        {
            node["discounts"] = Money(tier.Discounts);
        }

        return node;
    }

    private static JsonArray Money(IReadOnlyList<CurrencyAmount> amounts) =>
        new([.. amounts.Select(a => (JsonNode)new JsonObject { ["currency"] = a.Currency, ["amount"] = a.Amount })]);

    private static JsonObject UnitSet(OfferUnitSet set) => new()
    {
        ["quantity"] = set.Quantity,
        ["includedProducts"] = new JsonArray([.. set.IncludedProducts.Select(p => (JsonNode?)JsonValue.Create(p))]),
        ["includedCategories"] = new JsonArray([.. set.IncludedCategories.Select(c => (JsonNode)new JsonObject
        {
            ["path"] = new JsonArray([.. c.Path.Select(s => (JsonNode?)JsonValue.Create(s))]),
        })]),
    };

    private static void AddIfSet(JsonObject node, string name, int? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }
}
