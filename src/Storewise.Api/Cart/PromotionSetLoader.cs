using Dapper;
using Storewise.Api.Offers;
using Storewise.Api.PromotionsConfiguration;
using Storewise.Api.Storage;
using Storewise.Pricing;

namespace Storewise.Api.Cart;

/// <summary>Reads a tenant's offers and promotions configuration and compiles them for the engine.</summary>
public sealed class PromotionSetLoader(Database database, ILogger<PromotionSetLoader> logger)
{
    public async Task<PromotionCatalog> LoadAsync(string tenant)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Type, string Document)>(
            "SELECT type, document FROM offers WHERE tenant = @tenant", new { tenant });
        var exclusions = await PromotionsConfigurationStore.GetExclusionsAsync(connection, tenant);
        var stacking = await PromotionsConfigurationStore.GetCouponStackingAsync(connection, tenant);

        var promotions = new List<Offer>();
        var coupons = new List<Offer>();
        foreach (var (type, document) in rows)
        {
            var offerType = OfferTypes.Parse(type);
            OfferDocument stored;
            try
            {
                stored = OfferDocuments.Parse(offerType, document);
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or System.Text.Json.JsonException)
            {
                // One unreadable row must not take pricing down for the whole tenant.
                logger.LogError(ex, "Skipping unreadable offer document of tenant {Tenant}", tenant);
                continue;
            }

            (offerType == OfferType.Coupon ? coupons : promotions).Add(ToEngine(stored));
        }

        return PromotionCatalog.Compile(promotions, coupons, exclusions.Ids, stacking.Stackable);
    }

    /// <summary>The engine's view of a stored offer.</summary>
    public static Offer ToEngine(OfferDocument offer)
    {
        var category = offer.Category;
        var amounts = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in category.Discounts)
        {
            amounts.TryAdd(entry.Currency, entry.Amount);
        }

        var isPercent = CategoryKinds.IsPercentage(category.Kind);
        return new Offer
        {
            Id = offer.Id,
            Source = offer.Type == OfferType.Coupon ? OfferSource.Coupon : OfferSource.Promotion,
            Name = offer.Name,
            Kind = Enum.Parse<OfferKind>(category.Kind),
            Active = offer.Active,
            ValidFrom = offer.ValidFrom.Instant,
            ValidTo = offer.ValidTo?.Instant,
            CreatedAt = offer.CreatedAt,
            Currencies = offer.Currencies.Select(c => new CurrencyRule(c.Code, c.MinimumCartValue ?? 0m)).ToArray(),
            Stores = offer.Stores,
            Consumers = offer.Consumers,
            Segment = offer.Segment is null ? null : new Segment(offer.Segment.Key, offer.Segment.Value),
            Exclusive = offer.Exclusive,
            SingleUse = offer.SingleUse,
            Percent = isPercent ? category.Discount : null,
            Amounts = amounts,
            ScalarAmount = isPercent ? null : category.Discount,
            IncludedCategories = category.IncludedCategories.Select(c => c.Path).ToArray(),
            IncludedProducts = category.IncludedProducts,
            ExcludedProducts = category.ExcludedProducts,
            BuyQuantity = category.BuyQuantity ?? 0,
            GetQuantity = category.GetQuantity ?? 0,
            BundleProducts = category.Products.Select(p => new BundleItem(p.ProductId, p.Quantity)).ToArray(),
        };
    }
}
