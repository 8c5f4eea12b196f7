using System.Data.Common;
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
/// registry travels with the catalogue, so a cart finds its store's zone without a round trip. Given the set it
/// replaces, it reads every offer's version token, then the documents of the offers that changed only, and derives
/// the new set from the old one (docs/decisions/0514-incremental-catalogue-updates.md).
/// </summary>
public sealed partial class PromotionSetLoader(Database database, ILogger<PromotionSetLoader> logger)
{
    public Task<LoadedPromotionSet> LoadAsync(string tenant) => LoadAsync(tenant, null);

    public async Task<LoadedPromotionSet> LoadAsync(string tenant, LoadedPromotionSet? previous)
    {
        // A replica may serve the load only once it holds the version this instance knows of, or the set would be
        // kept as that version with older offers (docs/decisions/0513-read-replicas.md).
        database.Versions.TryGetCurrent(tenant, out var known);
        return await database.ReadAsync<LoadedPromotionSet>(
            async connection =>
            {
                var settings = await ReadSettingsAsync(connection, tenant);
                if (previous?.Settings is { } before && before.SameAs(settings)
                    && await TryUpdateAsync(connection, tenant, previous, settings) is { } updated)
                {
                    return updated;
                }

                var rows = await connection.QueryAsync<(string Type, string Id, string Version, string Document)>(
                    "SELECT type, id, version, document FROM offers WHERE tenant = @tenant", new { tenant });
                var versions = new Dictionary<string, StoredOfferVersion>(StringComparer.Ordinal);
                var promotions = new List<Offer>();
                var coupons = new List<Offer>();
                foreach (var (type, id, version, document) in rows)
                {
                    versions[id] = new StoredOfferVersion(type, version);
                    if (ToEngineOffer(tenant, type, document, settings.TimeReading) is { } offer)
                    {
                        (offer.Source == OfferSource.Coupon ? coupons : promotions).Add(offer);
                    }
                }

                var catalog = PromotionCatalog.Compile(promotions, coupons, settings.Exclusions, settings.Stackable, StoreZones(settings));
                return new LoadedPromotionSet(catalog, versions, settings, Derived: false);
            }, async replica => await CatalogueVersions.GetAsync(replica, tenant) >= known);
    }

    private static async Task<CatalogueSettings> ReadSettingsAsync(DbConnection connection, string tenant)
    {
        var exclusions = await PromotionsConfigurationStore.GetExclusionsAsync(connection, tenant);
        var stacking = await PromotionsConfigurationStore.GetCouponStackingAsync(connection, tenant);
        var reading = (await TimeReadingStore.GetAsync(connection, tenant)).LocalizedTimezone;
        var zones = await StoreRegistry.ZonesAsync(connection, tenant);
        return new CatalogueSettings(exclusions.Ids, stacking.Stackable, reading, zones);
    }

    private static Dictionary<string, TimeZoneInfo> StoreZones(CatalogueSettings settings)
    {
        var storeZones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        foreach (var (storeId, timeZone) in settings.StoreZones)
        {
            if (IanaZones.TryFind(timeZone, out var zone))
            {
                storeZones[storeId] = zone;
            }
        }

        return storeZones;
    }

    /// <summary>The previous set updated with the offers whose version token changed; null when too many did.</summary>
    private async Task<LoadedPromotionSet?> TryUpdateAsync(DbConnection connection, string tenant, LoadedPromotionSet previous, CatalogueSettings settings)
    {
        var current = await connection.QueryAsync<(string Type, string Id, string Version)>(
            "SELECT type, id, version FROM offers WHERE tenant = @tenant", new { tenant });
        var versions = new Dictionary<string, StoredOfferVersion>(previous.Offers.Count, StringComparer.Ordinal);
        var changedIds = new List<string>();
        foreach (var (type, id, version) in current)
        {
            var stored = new StoredOfferVersion(type, version);
            versions[id] = stored;
            if (!previous.Offers.TryGetValue(id, out var known) || known != stored)
            {
                changedIds.Add(id);
            }
        }

        var removed = previous.Offers.Keys.Where(id => !versions.ContainsKey(id)).ToList();
        if (changedIds.Count + removed.Count > PromotionCatalog.LargestIncrementalChange)
        {
            return null;
        }

        var upserted = new List<Offer>();
        if (changedIds.Count > 0)
        {
            // An offer written or deleted since the first read: its row now says what it is.
            removed.AddRange(changedIds);
            var rows = await connection.QueryAsync<(string Type, string Id, string Version, string Document)>(
                $"SELECT type, id, version, document FROM offers WHERE tenant = @tenant AND {SqlDialect.Of(connection).In("id", "ids")}",
                new { tenant, ids = changedIds.ToArray() });
            foreach (var (type, id, version, document) in rows)
            {
                versions[id] = new StoredOfferVersion(type, version);
                if (ToEngineOffer(tenant, type, document, settings.TimeReading) is { } offer)
                {
                    upserted.Add(offer);
                }
            }

            foreach (var id in changedIds.Where(id => !rows.Any(row => row.Id == id)))
            {
                versions.Remove(id);
            }
        }

        var catalog = previous.Catalog.Apply(new CatalogueChange(upserted, removed));
        return new LoadedPromotionSet(catalog, versions, settings, Derived: true);
    }

    // One unreadable row must not take pricing down for the whole tenant: it is left out (and logged).
    private Offer? ToEngineOffer(string tenant, string type, string document, LocalizedTimezoneReading reading)
    {
        var offerType = OfferTypes.Parse(type);
        try
        {
            return EngineOffers.From(OfferDocuments.Parse(offerType, document), reading);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            LogUnreadableOffer(logger, ex, tenant);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Skipping unreadable offer document of tenant {Tenant}")]
    private static partial void LogUnreadableOffer(ILogger logger, Exception exception, string tenant);
}
