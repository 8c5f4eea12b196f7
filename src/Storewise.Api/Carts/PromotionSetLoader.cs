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
/// replaces, it reads only the offers written and removed at a catalogue version above the set's, and derives the new
/// set from the old one (docs/decisions/0514-incremental-catalogue-updates.md,
/// docs/decisions/0523-offer-rows-stamped-with-the-catalogue-version.md).
/// </summary>
public sealed partial class PromotionSetLoader(Database database, ILogger<PromotionSetLoader> logger)
{
    // The tenant's version and the offers in one statement, so in one snapshot on both providers: the tenant's changes
    // commit in version order, so the rows read are exactly those of that version.
    private const string VersionRow =
        "SELECT 0 AS part, NULL AS type, NULL AS id, NULL AS document, version, version - stamped_versions AS unstamped FROM catalogue_versions WHERE tenant = @tenant";

    private const string AllOffers = VersionRow + " UNION ALL SELECT 1, type, id, document, 0, 0 FROM offers WHERE tenant = @tenant";

    private const string ChangedOffers = VersionRow + """

         UNION ALL SELECT * FROM (SELECT 1 AS part, type, id, document, 0 AS version, 0 AS unstamped FROM offers
             WHERE tenant = @tenant AND written_at_version > @since LIMIT @limit) written
         UNION ALL SELECT * FROM (SELECT 2 AS part, NULL AS type, id, NULL AS document, 0 AS version, 0 AS unstamped FROM offer_removals
             WHERE tenant = @tenant AND removed_at_version > @since LIMIT @limit) removed
         """;

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

                var read = await ReadOffersAsync(connection, AllOffers, new { tenant });
                var promotions = new List<Offer>();
                var coupons = new List<Offer>();
                foreach (var row in read.Written)
                {
                    if (ToEngineOffer(tenant, row.Type!, row.Document!, settings.TimeReading) is { } offer)
                    {
                        (offer.Source == OfferSource.Coupon ? coupons : promotions).Add(offer);
                    }
                }

                var catalog = PromotionCatalog.Compile(promotions, coupons, settings.Exclusions, settings.Stackable, StoreZones(settings));
                return new LoadedPromotionSet(catalog, read.Version, read.Unstamped, settings, Derived: false);
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

    /// <summary>
    /// The previous set updated with the offers written or removed at a version above its own, read in one statement;
    /// null when too many changed for an incremental update or a write stamped nothing. An offer both removed and
    /// written again (a promotion turned coupon under the same id) is removed and then upserted as its row now says.
    /// </summary>
    private async Task<LoadedPromotionSet?> TryUpdateAsync(DbConnection connection, string tenant, LoadedPromotionSet previous, CatalogueSettings settings)
    {
        var read = await ReadOffersAsync(
            connection, ChangedOffers, new { tenant, since = previous.Version, limit = PromotionCatalog.LargestIncrementalChange + 1 });
        // A write that stamped nothing (an instance of an earlier release) may have changed any row.
        if (read.Unstamped != previous.UnstampedVersions || read.Written.Count + read.Removed.Count > PromotionCatalog.LargestIncrementalChange)
        {
            return null;
        }

        var removed = new List<string>(read.Removed);
        var upserted = new List<Offer>(read.Written.Count);
        foreach (var row in read.Written)
        {
            // Removed first: an unreadable document leaves the offer out, as a fresh compile would.
            removed.Add(row.Id!);
            if (ToEngineOffer(tenant, row.Type!, row.Document!, settings.TimeReading) is { } offer)
            {
                upserted.Add(offer);
            }
        }

        var catalog = previous.Catalog.Apply(new CatalogueChange(upserted, removed));
        return new LoadedPromotionSet(catalog, read.Version, read.Unstamped, settings, Derived: true);
    }

    private static async Task<OffersRead> ReadOffersAsync(DbConnection connection, string sql, object parameters)
    {
        var read = new OffersRead();
        foreach (var row in await connection.QueryAsync<StoredRow>(sql, parameters))
        {
            switch (row.Part)
            {
                case 0:
                    (read.Version, read.Unstamped) = (row.Version, row.Unstamped);
                    break;
                case 1:
                    read.Written.Add(row);
                    break;
                default:
                    read.Removed.Add(row.Id!);
                    break;
            }
        }

        return read;
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

    // Classes with setters, so Dapper converts SQLite's INTEGER and PostgreSQL's integer and bigint alike.
    private sealed class StoredRow
    {
        public long Part { get; set; }

        public string? Type { get; set; }

        public string? Id { get; set; }

        public string? Document { get; set; }

        public long Version { get; set; }

        public long Unstamped { get; set; }
    }

    // The tenant's version (0 before its first change), the rows written and the ids removed.
    private sealed class OffersRead
    {
        public long Version { get; set; }

        public long Unstamped { get; set; }

        public List<StoredRow> Written { get; } = [];

        public List<string> Removed { get; } = [];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Skipping unreadable offer document of tenant {Tenant}")]
    private static partial void LogUnreadableOffer(ILogger logger, Exception exception, string tenant);
}
