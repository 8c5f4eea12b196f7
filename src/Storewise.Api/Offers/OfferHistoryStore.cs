using System.Data.Common;
using Dapper;

namespace Storewise.Api.Offers;

/// <summary>One stored revision of an offer: the document as written, and when and by whom.</summary>
public sealed record OfferRevision(int Revision, OfferDocument Offer, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// SQL for <c>offer_history</c>: every write of an offer appends one immutable row in the same transaction
/// (docs/decisions/0701-offer-history.md); rows are never updated or deleted.
/// </summary>
public static class OfferHistoryStore
{
    /// <summary>Appends <paramref name="offer"/> as written, as the offer's next revision.</summary>
    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, OfferDocument offer, string document) =>
        connection.ExecuteAsync(
            """
            INSERT INTO offer_history (tenant, type, id, revision, version, document, recorded_at, recorded_by)
            SELECT @tenant, @type, @id, COALESCE(MAX(revision), 0) + 1, @version, @document, @at, @user
            FROM offer_history WHERE tenant = @tenant AND type = @type AND id = @id
            """,
            new
            {
                tenant = offer.Tenant,
                type = offer.Type.Name(),
                id = offer.Id,
                version = offer.Version,
                document,
                at = offer.UpdatedAt.ToUnixTimeMilliseconds(),
                user = offer.UpdatedBy,
            },
            transaction);

    /// <summary>
    /// One page of revisions, newest first, and the total; each page carries one revision more than asked for
    /// (the one before its oldest), so every listed revision can be compared with its predecessor. Revisions are
    /// numbered 1, 2, 3... without gaps and never removed, so the newest is the total and a page is a seek on the
    /// revision number, at any depth (docs/decisions/0512-keyset-paging.md).
    /// </summary>
    public static async Task<(IReadOnlyList<OfferRevision> Revisions, long Total)> ListAsync(
        DbConnection connection, string tenant, OfferType type, string id, int limit, long offset)
    {
        var total = await connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(MAX(revision), 0) FROM offer_history WHERE tenant = @tenant AND type = @type AND id = @id",
            new { tenant, type = type.Name(), id });
        var newest = total - offset;
        var rows = newest <= 0
            ? []
            : await connection.QueryAsync<Row>(
                """
                SELECT revision, document, recorded_at AS RecordedAt, recorded_by AS RecordedBy FROM offer_history
                WHERE tenant = @tenant AND type = @type AND id = @id AND revision <= @newest
                ORDER BY revision DESC LIMIT @limit
                """,
                new { tenant, type = type.Name(), id, newest, limit = limit + 1 });
        return ([.. rows.Select(r => r.ToRevision(type))], total);
    }

    /// <summary>The revision in force at <paramref name="at"/> (the last one written at or before it), or null.</summary>
    public static async Task<OfferRevision?> AsOfAsync(DbConnection connection, string tenant, OfferType type, string id, DateTimeOffset at)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT revision, document, recorded_at AS RecordedAt, recorded_by AS RecordedBy FROM offer_history
            WHERE tenant = @tenant AND type = @type AND id = @id AND recorded_at <= @at
            ORDER BY revision DESC LIMIT 1
            """,
            new { tenant, type = type.Name(), id, at = at.ToUnixTimeMilliseconds() });
        return row?.ToRevision(type);
    }

    // A class with setters, so Dapper converts SQLite's INTEGER and PostgreSQL's integer types alike.
    private sealed class Row
    {
        public long Revision { get; set; }

        public string Document { get; set; } = "";

        public long RecordedAt { get; set; }

        public string RecordedBy { get; set; } = "";

        public OfferRevision ToRevision(OfferType type) =>
            new((int)Revision, OfferDocuments.Parse(type, Document), DateTimeOffset.FromUnixTimeMilliseconds(RecordedAt), RecordedBy);
    }
}
