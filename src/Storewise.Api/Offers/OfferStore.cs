using System.Data.Common;
using System.Text;
using Dapper;
using Storewise.Api.Storage;

namespace Storewise.Api.Offers;

/// <summary>
/// SQL for the <c>offers</c> table. The document column holds the resource JSON; the other columns repeat
/// the fields the lists filter on, so filtering, counting and paging happen in SQL on the indexes.
/// </summary>
public static class OfferStore
{
    private const string Columns =
        "tenant, id, type, name, name_key, kind, active, valid_from, valid_to, segment_key, segment_value, external_id, document, version, created_at, created_by, updated_at, updated_by";

    public static async Task<OfferDocument?> GetAsync(DbConnection connection, string tenant, OfferType type, string id, DbTransaction? transaction = null)
    {
        var document = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT document FROM offers WHERE tenant = @tenant AND type = @type AND id = @id",
            new { tenant, type = type.Name(), id },
            transaction);
        return document is null ? null : OfferDocuments.Parse(type, document);
    }

    public static Task<OfferWriteOutcome> InsertAsync(DbConnection connection, DbTransaction transaction, OfferDocument offer) =>
        WriteAsync(connection, transaction, offer, () => connection.ExecuteAsync(
            $"INSERT INTO offers ({Columns}, written_at_version) VALUES (@Tenant, @Id, @Type, @Name, @NameKey, @Kind, @Active, @ValidFrom, @ValidTo, @SegmentKey, @SegmentValue, @ExternalId, @Document, @Version, @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy, {CatalogueVersions.OfThisTransaction})",
            Row.From(offer),
            transaction));

    /// <summary>
    /// Replaces the offer only if its stored version is still <paramref name="expectedVersion"/>: one
    /// conditional statement, so of two writers holding the same version exactly one succeeds.
    /// </summary>
    public static Task<OfferWriteOutcome> UpdateAsync(DbConnection connection, DbTransaction transaction, OfferDocument offer, string expectedVersion) =>
        WriteAsync(connection, transaction, offer, () => connection.ExecuteAsync(
            $"""
            UPDATE offers SET name = @Name, name_key = @NameKey, kind = @Kind, active = @Active,
                valid_from = @ValidFrom, valid_to = @ValidTo, segment_key = @SegmentKey, segment_value = @SegmentValue,
                external_id = @ExternalId, document = @Document, version = @Version,
                updated_at = @UpdatedAt, updated_by = @UpdatedBy, written_at_version = {CatalogueVersions.OfThisTransaction}
            WHERE tenant = @Tenant AND type = @Type AND id = @Id AND version = @ExpectedVersion
            """,
            Row.From(offer) with { ExpectedVersion = expectedVersion },
            transaction));

    /// <summary>
    /// Removes the offer's row and records its id with this transaction's catalogue version, so that instances remove
    /// it from their sets without reading every offer (docs/decisions/0523-offer-rows-stamped-with-the-catalogue-version.md).
    /// Runs inside <see cref="Database.WriteCatalogueAsync{T}(string, Func{DbConnection, DbTransaction, Task{WriteOutcome{T}}}, CancellationToken)"/>;
    /// false when there was no such offer.
    /// </summary>
    public static async Task<bool> DeleteAsync(DbConnection connection, DbTransaction transaction, string tenant, OfferType type, string id)
    {
        var key = new { Tenant = tenant, Type = type.Name(), Id = id };
        if (await connection.ExecuteAsync("DELETE FROM offers WHERE tenant = @Tenant AND type = @Type AND id = @Id", key, transaction) == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(
            $"""
            INSERT INTO offer_removals (tenant, id, removed_at_version) VALUES (@Tenant, @Id, {CatalogueVersions.OfThisTransaction})
            ON CONFLICT (tenant, id) DO UPDATE SET removed_at_version = excluded.removed_at_version
            """,
            key,
            transaction);
        return true;
    }

    public static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction transaction, string tenant, OfferType type, string id) =>
        await connection.ExecuteScalarAsync<int?>(
            "SELECT 1 FROM offers WHERE tenant = @tenant AND type = @type AND id = @id",
            new { tenant, type = type.Name(), id },
            transaction) is not null;

    /// <summary>
    /// One page of the offers matching <paramref name="filter"/>, ordered by id (creation order), and the total. Every
    /// change of an offer bumps the catalogue version, so that version is the list's generation: the total is counted
    /// once per version and a deep page seeks by id (docs/decisions/0512-keyset-paging.md). A <c>code</c> filter
    /// depends on codes, which change without a bump; it selects a few coupons and is counted and skipped every time.
    /// </summary>
    public static async Task<(IReadOnlyList<OfferDocument> Items, long Total)> ListAsync(
        DbConnection connection, ListPositions lists, string tenant, OfferType type, OfferListFilter filter, int limit, long offset)
    {
        var where = new StringBuilder("tenant = @tenant AND type = @type");
        var parameters = new DynamicParameters(new { tenant, type = type.Name(), limit });
        if (filter.NameKeys.Count > 0)
        {
            where.Append($" AND {In(connection, "name_key", "names")}");
            parameters.Add("names", filter.NameKeys.ToArray());
        }

        if (filter.CodeKeys.Count > 0)
        {
            where.Append($" AND id IN (SELECT coupon_id FROM coupon_codes WHERE tenant = @tenant AND {In(connection, "code_key", "codes")})");
            parameters.Add("codes", filter.CodeKeys.ToArray());
        }

        if (filter.Active is not null)
        {
            where.Append(" AND active = @active");
            parameters.Add("active", filter.Active.Value);
        }

        if (filter.ValidFrom is not null)
        {
            where.Append(" AND valid_from >= @validFrom");
            parameters.Add("validFrom", filter.ValidFrom.UnixMs);
        }

        if (filter.ValidTo is not null)
        {
            where.Append(" AND valid_to IS NOT NULL AND valid_to <= @validTo");
            parameters.Add("validTo", filter.ValidTo.UnixMs);
        }

        if (filter.Kinds.Count > 0)
        {
            where.Append($" AND {In(connection, "kind", "kinds")}");
            parameters.Add("kinds", filter.Kinds.ToArray());
        }

        if (filter.Segment is not null)
        {
            // A union of two index lookups: with a plain OR, SQLite walks every offer of the tenant.
            where.Append(
                " AND id IN (SELECT id FROM offers WHERE tenant = @tenant AND type = @type AND segment_key = @segment"
                + " UNION SELECT id FROM offers WHERE tenant = @tenant AND type = @type AND segment_value = @segment)");
            parameters.Add("segment", filter.Segment);
        }

        var list = where.ToString();
        Task<long> Count() => connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM offers WHERE {list}", parameters);
        var seek = PageSeek<string>.FromStart(offset);
        long total;
        if (filter.CodeKeys.Count > 0)
        {
            total = await Count();
        }
        else
        {
            var shape = $"offers\n{tenant}\n{type.Name()}\n{filter.Key()}";
            var version = await CatalogueVersions.GetAsync(connection, tenant);
            Task<long> VersionNow() => CatalogueVersions.GetAsync(connection, tenant);
            total = await lists.TotalAsync(shape, version, Count, VersionNow);
            if (offset < total)
            {
                seek = await lists.SeekAsync(
                    shape, version, offset, () => connection.QueryAsync<string>(ListPositions.BoundariesSql("id", "offers", list), parameters), VersionNow);
            }
        }

        if (offset >= total)
        {
            return ([], total);
        }

        parameters.Add("after", seek.After);
        parameters.Add("skip", seek.Skip);
        var documents = await connection.QueryAsync<string>(
            $"SELECT document FROM offers WHERE {list}{(seek.HasAfter ? " AND id > @after" : "")} ORDER BY id LIMIT @limit OFFSET @skip", parameters);
        return ([.. documents.Select(d => OfferDocuments.Parse(type, d))], total);
    }

    private static string In(DbConnection connection, string column, string parameter) =>
        SqlDialect.Of(connection).In(column, parameter);

    // A successful write also appends the offer's new revision to its history, in the same transaction.
    private static async Task<OfferWriteOutcome> WriteAsync(DbConnection connection, DbTransaction transaction, OfferDocument offer, Func<Task<int>> statement)
    {
        try
        {
            if (await statement() != 1)
            {
                return OfferWriteOutcome.VersionMismatch;
            }

            await OfferHistoryStore.AppendAsync(connection, transaction, offer, OfferDocuments.Serialize(offer));
            return OfferWriteOutcome.Written;
        }
        catch (DbException exception) when (SqlDialect.Of(connection).IsUniqueViolation(exception, out var index))
        {
            return index?.Contains("external_id", StringComparison.Ordinal) == true ? OfferWriteOutcome.DuplicateExternalId : OfferWriteOutcome.DuplicateName;
        }
    }

    private sealed record Row(
        string Tenant, string Id, string Type, string Name, string NameKey, string Kind, bool Active,
        long ValidFrom, long? ValidTo, string? SegmentKey, string? SegmentValue, string? ExternalId, string Document,
        string Version, long CreatedAt, string CreatedBy, long UpdatedAt, string UpdatedBy)
    {
        public string? ExpectedVersion { get; init; }

        public static Row From(OfferDocument offer) => new(
            offer.Tenant, offer.Id, offer.Type.Name(), offer.Name, NameKeys.For(offer.Name), offer.Category.Kind, offer.Active,
            offer.ValidFrom.UnixMs, offer.ValidTo?.UnixMs, offer.Segment?.Key, offer.Segment?.Value, offer.ExternalId,
            OfferDocuments.Serialize(offer), offer.Version,
            offer.CreatedAt.ToUnixTimeMilliseconds(), offer.CreatedBy, offer.UpdatedAt.ToUnixTimeMilliseconds(), offer.UpdatedBy);
    }
}
