using Dapper;
using Storewise.Api.Common;
using Storewise.Api.Offers;
using Storewise.Api.PromotionsConfiguration;
using Storewise.Api.Storage;
using Storewise.Api.Stores;
using Storewise.Pricing;

namespace Storewise.Api.Carts;

/// <summary>
/// Reads a tenant's offers, promotions configuration and store zones and compiles them for the engine: the store
/// registry travels with the catalogue, so a cart finds its store's zone without a round trip.
/// </summary>
public sealed partial class PromotionSetLoader(Database database, ILogger<PromotionSetLoader> logger)
{
    public async Task<PromotionCatalog> LoadAsync(string tenant)
    {
        // A replica may serve the load only once it holds the version this instance knows of, or the set would be
        // kept as that version with older offers (docs/decisions/0513-read-replicas.md).
        database.Versions.TryGetCurrent(tenant, out var known);
        return await database.ReadAsync<PromotionCatalog>(
            async connection =>
            {
                var rows = await connection.QueryAsync<(string Type, string Document)>(
                    "SELECT type, document FROM offers WHERE tenant = @tenant", new { tenant });
                var exclusions = await PromotionsConfigurationStore.GetExclusionsAsync(connection, tenant);
                var stacking = await PromotionsConfigurationStore.GetCouponStackingAsync(connection, tenant);
                var reading = (await TimeReadingStore.GetAsync(connection, tenant)).LocalizedTimezone;
                var storeZones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
                foreach (var (storeId, timeZone) in await StoreRegistry.ZonesAsync(connection, tenant))
                {
                    if (IanaZones.TryFind(timeZone, out var zone))
                    {
                        storeZones[storeId] = zone;
                    }
                }

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
                        LogUnreadableOffer(logger, ex, tenant);
                        continue;
                    }

                    (offerType == OfferType.Coupon ? coupons : promotions).Add(EngineOffers.From(stored, reading));
                }

                return PromotionCatalog.Compile(promotions, coupons, exclusions.Ids, stacking.Stackable, storeZones);
            }, async replica => await CatalogueVersions.GetAsync(replica, tenant) >= known);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Skipping unreadable offer document of tenant {Tenant}")]
    private static partial void LogUnreadableOffer(ILogger logger, Exception exception, string tenant);
}
