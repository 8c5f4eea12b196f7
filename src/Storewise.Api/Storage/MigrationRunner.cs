using Dapper;

namespace Storewise.Api.Storage;

/// <summary>
/// Applies the versioned SQL scripts under Storage/Migrations/{sqlite|postgres} in name order, each once,
/// each in its own transaction. A database-wide lock (advisory on PostgreSQL) keeps several instances starting together
/// from applying the same script twice.
/// </summary>
public sealed partial class MigrationRunner(Database database, ILogger<MigrationRunner> logger)
{
    private const long LockKey = 0x53746f7265; // "Store"

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (await database.Dialect.LockAsync(connection, LockKey, cancellationToken))
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
            var applied = (await connection.QueryAsync<string>("SELECT version FROM schema_migrations")).ToHashSet(StringComparer.Ordinal);
            var count = 0;
            foreach (var (version, sql) in LoadScripts(database.Provider))
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await database.WriteAsync(connection, async (c, tx) =>
                {
                    await c.ExecuteAsync(sql, transaction: tx);
                    if (version == Limits.CustomerKeys.BackfillVersion)
                    {
                        // Rows the script cannot rewrite in SQL, rewritten in the script's transaction.
                        await Limits.CustomerKeys.BackfillAsync(c, tx);
                    }

                    await c.ExecuteAsync(
                        "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)",
                        new { version, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                        tx);
                    return WriteOutcome.Commit(true);
                }, cancellationToken);
                LogApplied(logger, version, database.Provider);
                count++;
            }

            return count;
        }
    }

    /// <summary>The scripts of one provider, ordered by version (the file name without extension).</summary>
    internal static IReadOnlyList<(string Version, string Sql)> LoadScripts(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var folder = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var prefix = $"{assembly.GetName().Name}.Storage.Migrations.{folder}.";
        var scripts = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var version = name[prefix.Length..^".sql".Length];
            scripts.Add((version, reader.ReadToEnd()));
        }

        return scripts;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Provider})")]
    private static partial void LogApplied(ILogger logger, string version, DatabaseProvider provider);
}
