using Microsoft.OpenApi;

namespace Storewise.Api.Hosting;

/// <summary>
/// What each feature tag of the OpenAPI document covers, shown at document level (generated clients and the
/// UI group operations by tag). A tag without a description here fails the contract tests.
/// </summary>
public static class TagDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Cart"] = "Pricing a cart: the promotions and coupons that apply, per line, to the cart and to shipping; and what a cart qualifies or nearly qualifies for. Read-only.",
        ["Promotions"] = "Automatic promotions: offers that apply without a code.",
        ["Coupons"] = "Coupons: offers that apply through one of their codes.",
        ["Coupon codes"] = "The codes of a coupon: create, list, switch active.",
        ["Coupon code imports"] = "CSV imports of coupon codes, processed in the background, with their error reports.",
        ["Redemptions"] = "Redeeming coupon codes for an order, and rolling an order's redemptions back.",
        ["Promotions configuration"] = "Tenant-wide promotion settings: the exclusion list, whether coupons stack, and what localizedTimezone means.",
        ["Integration configurations"] = "TPPE integration configuration sections (the session update URL), served with and without the /v0 prefix.",
        ["Reservations"] = "Checkout holds: a priced cart whose limited uses and budget amounts are reserved until it is confirmed, released or expires.",
        ["Webhooks"] = "Webhook endpoints that receive the product's events, their delivery log and redelivery.",
        ["Simulations"] = "What-if replays of the logged carts against a change of the promotions, run in the background.",
        ["Stores"] = "The store registry: each store's name and IANA time zone, in which store-local offer times are read.",
        ["Sales order configuration"] = "Sales order settings and the order id generator; errors are application/problem+json.",
    };

    public static Task DescribeAsync(OpenApiDocument document)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
