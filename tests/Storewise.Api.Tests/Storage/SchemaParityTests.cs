using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Storage;

/// <summary>
/// The two migration sets build the same schema: a fresh SQLite and a fresh PostgreSQL database are migrated and
/// their tables, columns (normalised type, nullability, default), primary keys and indexes compared. A difference
/// that is intended is listed in <see cref="AllowedDifferences"/> with its reason.
/// </summary>
public sealed partial class SchemaParityTests
{
    /// <summary>Schema facts present on one provider only, each with the reason it is right there.</summary>
    private static readonly IReadOnlyDictionary<string, string> AllowedDifferences = BooleanFlags("coupon_codes.active", "coupon_stacking.stackable", "offers.active");

    // SQLite has no boolean type: a flag is INTEGER 0/1 there and BOOLEAN on PostgreSQL; the SQL compares both alike
    // (WHERE active, CASE WHEN stackable) and Dapper reads both as bool.
    private static Dictionary<string, string> BooleanFlags(params string[] columns) =>
        columns
            .SelectMany(c => new[] { $"sqlite only: column {c} integer not null default none", $"postgres only: column {c} boolean not null default none" })
            .ToDictionary(d => d, _ => "SQLite has no boolean type; its flags are INTEGER 0/1", StringComparer.Ordinal);

    [Fact]
    public void Both_providers_have_the_same_migration_versions()
    {
        var sqlite = MigrationRunner.LoadScripts(DatabaseProvider.Sqlite).Select(s => s.Version).ToList();
        var postgres = MigrationRunner.LoadScripts(DatabaseProvider.Postgres).Select(s => s.Version).ToList();
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, postgres);
    }

    [Fact]
    public async Task Migrated_schemas_match()
    {
        var directory = Path.Combine(Path.GetTempPath(), "storewise-schema-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var postgresConnection = await PostgresServer.CreateDatabaseAsync();
        try
        {
            var sqlite = await DescribeAsync(
                new Database(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "schema.db")}"), DescribeSqliteAsync);
            var postgres = await DescribeAsync(new Database(DatabaseProvider.Postgres, postgresConnection), DescribePostgresAsync);
            Assert.Contains(sqlite, f => f.StartsWith("table offers", StringComparison.Ordinal));
            var differences = sqlite.Except(postgres).Select(f => "sqlite only: " + f)
                .Concat(postgres.Except(sqlite).Select(f => "postgres only: " + f))
                .ToList();
            var unexplained = differences.Where(d => !AllowedDifferences.ContainsKey(d)).ToList();
            Assert.True(unexplained.Count == 0, string.Join(Environment.NewLine, unexplained));
            var stale = AllowedDifferences.Keys.Except(differences).ToList();
            Assert.True(stale.Count == 0, "allowed differences that no longer exist: " + string.Join(", ", stale));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(postgresConnection);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<IReadOnlySet<string>> DescribeAsync(Database database, Func<DbConnection, Task<IReadOnlySet<string>>> describe)
    {
        await using (database)
        {
            await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            await using var connection = await database.OpenAsync();
            return await describe(connection);
        }
    }

    private static async Task<IReadOnlySet<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var tables = await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        foreach (var table in tables)
        {
            facts.Add($"table {table}");
            var columns = (await connection.QueryAsync<(string Name, string Type, long NotNull, string? Default, long Pk)>(
                "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(@table)", new { table })).AsList();
            foreach (var c in columns)
            {
                // A primary key column is NOT NULL on PostgreSQL by definition; on SQLite only when declared so.
                facts.Add(Column(table, c.Name, c.Type, c.NotNull != 0 || c.Pk > 0, c.Default));
            }

            var key = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            if (key.Count > 0)
            {
                facts.Add($"primary key {table} ({string.Join(", ", key)})");
            }

            var indexes = await connection.QueryAsync<(string Name, long Unique, string Origin)>(
                "SELECT name, \"unique\", origin FROM pragma_index_list(@table)", new { table });
            foreach (var index in indexes.Where(i => i.Origin == "c"))
            {
                var indexColumns = await connection.QueryAsync<string>(
                    "SELECT name FROM pragma_index_info(@name) ORDER BY seqno", new { name = index.Name });
                var sql = await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = @name", new { name = index.Name });
                var where = sql is null ? null : WhereClause().Match(sql) is { Success: true } m ? m.Groups[1].Value : null;
                facts.Add(Index(table, index.Name, index.Unique != 0, indexColumns, where));
            }
        }

        return facts;
    }

    private static async Task<IReadOnlySet<string>> DescribePostgresAsync(DbConnection connection)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var tables = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
        foreach (var table in tables)
        {
            facts.Add($"table {table}");
            var columns = await connection.QueryAsync<(string Name, string Type, string Nullable, string? Default)>(
                "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table",
                new { table });
            foreach (var c in columns)
            {
                facts.Add(Column(table, c.Name, c.Type, c.Nullable == "NO", c.Default));
            }

            var key = (await connection.QueryAsync<string>(
                """
                SELECT k.column_name FROM information_schema.table_constraints t
                JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema AND k.table_name = t.table_name
                WHERE t.table_schema = 'public' AND t.table_name = @table AND t.constraint_type = 'PRIMARY KEY'
                ORDER BY k.ordinal_position
                """,
                new { table })).AsList();
            if (key.Count > 0)
            {
                facts.Add($"primary key {table} ({string.Join(", ", key)})");
            }

            var indexes = await connection.QueryAsync<(string Name, string Definition)>(
                """
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = 'public' AND i.tablename = @table
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                """,
                new { table });
            foreach (var (name, definition) in indexes)
            {
                var match = PostgresIndex().Match(definition);
                Assert.True(match.Success, "unexpected index definition: " + definition);
                var columnsOf = match.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries);
                var where = match.Groups["where"].Success ? match.Groups["where"].Value : null;
                facts.Add(Index(table, name, match.Groups["unique"].Success, columnsOf, where));
            }
        }

        return facts;
    }

    private static string Column(string table, string name, string type, bool notNull, string? defaultValue) =>
        $"column {table}.{name} {NormalType(type)} {(notNull ? "not null" : "null")} default {Normal(defaultValue)}";

    private static string Index(string table, string name, bool unique, IEnumerable<string> columns, string? where) =>
        $"{(unique ? "unique index" : "index")} {name} on {table} ({string.Join(", ", columns)}) where {Normal(where)}";

    private static string NormalType(string type) => type.Trim().ToLowerInvariant() switch
    {
        "integer" or "int" or "bigint" or "smallint" => "integer",
        "text" or "character varying" or "varchar" => "text",
        "blob" or "bytea" => "blob",
        "boolean" or "bool" => "boolean",
        "real" or "double precision" or "numeric" => "real",
        var other => other,
    };

    // Casts, parentheses, quotes around identifiers, case and spacing are how each engine prints, not what it means.
    // PostgreSQL prints "x IN (a, b)" as "x = ANY (ARRAY[a, b])".
    private static string Normal(string? expression) =>
        expression is null
            ? "none"
            : AnyArray().Replace(
                Spaces().Replace(Casts().Replace(expression, "").Replace("(", "").Replace(")", "").Replace("\"", ""), " ").Trim().ToLowerInvariant(),
                "in $1");

    [GeneratedRegex(@"\bWHERE\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex WhereClause();

    [GeneratedRegex(@"^CREATE (?<unique>UNIQUE )?INDEX \S+ ON \S+ USING \w+ \((?<columns>[^)]*)\)(?: WHERE (?<where>.*))?$")]
    private static partial Regex PostgresIndex();

    [GeneratedRegex(@"= any array\[(.*?)\]")]
    private static partial Regex AnyArray();

    [GeneratedRegex(@"::[a-z ]+")]
    private static partial Regex Casts();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
