using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Storewise.Api.Storage;

/// <summary>Database failures the error mapping answers with a status of its own rather than a 500.</summary>
public static class StorageFailures
{
    /// <summary>Text PostgreSQL cannot store (a NUL character): the statement failed, so nothing was written.</summary>
    public static bool IsUnstorableText(Exception? exception) =>
        exception is PostgresException { SqlState: "22021" or "22P05" };

    /// <summary>
    /// The server is going away, starting or out of connections, or (SQLite) another writer held the database for
    /// longer than the busy timeout: nothing was written, and a retry shortly is worth it.
    /// </summary>
    public static bool IsUnavailable(DbException exception) =>
        exception is NpgsqlException { IsTransient: true }
        || exception is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }
        || exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    // Primary result codes (sqlite3.h): SQLITE_BUSY and SQLITE_LOCKED.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
}
