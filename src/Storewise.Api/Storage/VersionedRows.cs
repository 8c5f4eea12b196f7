using System.Data.Common;
using Dapper;

namespace Storewise.Api.Storage;

/// <summary>
/// A table whose rows are replaced whole under optimistic concurrency (a setting per tenant, a store): key columns,
/// value columns, then <c>version</c>, <c>updated_at</c> and <c>updated_by</c>, and with <paramref name="TracksCreation"/>
/// <c>created_at</c> and <c>created_by</c>, written by the insert only. Each column is paired with the Dapper
/// parameter that carries its value; the put's parameters also carry <c>version</c>, <c>now</c>, <c>user</c> and
/// <c>expectedVersion</c>. <paramref name="Returning"/> is the select list the put answers with.
/// </summary>
public sealed record VersionedRows(
    string Table,
    IReadOnlyList<(string Column, string Parameter)> Keys,
    IReadOnlyList<(string Column, string Parameter)> Values,
    string Returning,
    bool TracksCreation = false)
{
    private readonly string _upsert = Upsert(Table, Keys, Values, Returning, TracksCreation);
    private readonly string _update = Update(Table, Keys, Values, Returning);

    /// <summary>
    /// Writes the row: without an expected version, inserted or overwritten whatever is stored; with one, only over that
    /// stored version (null when it no longer matches or there is no row).
    /// </summary>
    public async Task<TRow?> PutAsync<TRow>(DbConnection connection, DbTransaction transaction, object parameters, bool overExpectedVersion) =>
        overExpectedVersion
            ? await connection.QuerySingleOrDefaultAsync<TRow>(_update, parameters, transaction)
            : await connection.QuerySingleAsync<TRow>(_upsert, parameters, transaction);

    private static string Upsert(
        string table, IReadOnlyList<(string Column, string Parameter)> keys, IReadOnlyList<(string Column, string Parameter)> values, string returning, bool tracksCreation)
    {
        var creation = tracksCreation ? ", created_at, created_by" : "";
        var creationValues = tracksCreation ? ", @now, @user" : "";
        var columns = string.Join(", ", keys.Concat(values).Select(c => c.Column));
        var parameters = string.Join(", ", keys.Concat(values).Select(c => "@" + c.Parameter));
        var overwrite = string.Join(", ", values.Select(c => $"{c.Column} = excluded.{c.Column}"));
        return $"""
            INSERT INTO {table} ({columns}, version{creation}, updated_at, updated_by)
            VALUES ({parameters}, @version{creationValues}, @now, @user)
            ON CONFLICT ({string.Join(", ", keys.Select(k => k.Column))}) DO UPDATE SET {overwrite}, version = excluded.version,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            RETURNING {returning}
            """;
    }

    private static string Update(
        string table, IReadOnlyList<(string Column, string Parameter)> keys, IReadOnlyList<(string Column, string Parameter)> values, string returning)
    {
        var set = string.Join(", ", values.Select(c => $"{c.Column} = @{c.Parameter}"));
        var where = string.Join(" AND ", keys.Select(k => $"{k.Column} = @{k.Parameter}"));
        return $"""
            UPDATE {table} SET {set}, version = @version, updated_at = @now, updated_by = @user
            WHERE {where} AND version = @expectedVersion
            RETURNING {returning}
            """;
    }
}
