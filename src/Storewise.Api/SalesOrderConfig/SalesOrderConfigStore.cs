using Dapper;
using Microsoft.AspNetCore.DataProtection;
using System.Text.Json.Nodes;
using Storewise.Api.Events;
using Storewise.Api.Storage;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>
/// The sales-order configuration of each tenant, one row per (tenant, key) with a row version: every write
/// is a compare-and-swap on the version the writer read, so of two concurrent writers exactly one wins and
/// the other is told it lost the race (docs/spec.md §5). Secrets are stored encrypted.
/// </summary>
public sealed class SalesOrderConfigStore(Database database, IDataProtectionProvider protection)
{
    private readonly IDataProtector _secretProtector = protection.CreateProtector("Storewise.SalesOrderConfig.Secret.v1");

    public async Task<StoredConfig?> ReadAsync(string tenant, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ConfigRow>(
            """
            SELECT value_json AS ValueJson, secret AS Secret, row_version AS RowVersion, updated_at AS UpdatedAt
            FROM sales_order_configs WHERE tenant = @tenant AND config_key = @key
            """,
            new { tenant, key });
        return row is null
            ? null
            : new StoredConfig(
                row.ValueJson,
                row.Secret is null ? null : _secretProtector.Unprotect(row.Secret),
                row.RowVersion,
                DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));
    }

    /// <summary>The row version a writer compares against, or null when the key was never set.</summary>
    public async Task<long?> ReadVersionAsync(string tenant, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT row_version FROM sales_order_configs WHERE tenant = @tenant AND config_key = @key",
            new { tenant, key });
    }

    /// <summary>
    /// Writes the value if the stored row version is still <paramref name="expectedVersion"/> (null: the key
    /// was not set). False means another writer got there first.
    /// </summary>
    public async Task<bool> TryWriteAsync(
        string tenant,
        string key,
        ConfigValue value,
        long? expectedVersion,
        string userId,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var parameters = new
        {
            tenant,
            key,
            valueJson = value.ToJson(),
            secret = value.Secret is null ? null : _secretProtector.Protect(value.Secret),
            expectedVersion,
            now = now.ToUnixTimeMilliseconds(),
            userId,
        };
        return await database.WriteAsync(async (connection, tx) =>
        {
            var changed = expectedVersion is null
                ? await connection.ExecuteAsync(
                    """
                    INSERT INTO sales_order_configs (tenant, config_key, value_json, secret, row_version, updated_at, updated_by)
                    VALUES (@tenant, @key, @valueJson, @secret, 1, @now, @userId)
                    ON CONFLICT (tenant, config_key) DO NOTHING
                    """,
                    parameters,
                    tx)
                : await connection.ExecuteAsync(
                    """
                    UPDATE sales_order_configs
                    SET value_json = @valueJson, secret = @secret, row_version = row_version + 1, updated_at = @now, updated_by = @userId
                    WHERE tenant = @tenant AND config_key = @key AND row_version = @expectedVersion
                    """,
                    parameters,
                    tx);
            return changed == 1
                ? WriteOutcome.Commit(true).WithEvent(ConfigurationChange.Event(tenant, $"sales-order/{key}", now, JsonNode.Parse(parameters.valueJson)))
                : WriteOutcome.RollBack(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Sets the order id sequence once: the first writer stores it and creates the tenant's counter in the
    /// same transaction. Returns null when it was stored now, else what was already stored.
    /// </summary>
    public async Task<StoredConfig?> TrySetSequenceAsync(
        string tenant, OrderIdSequence sequence, string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var stored = await database.WriteAsync(async (connection, tx) =>
        {
            var inserted = await connection.ExecuteAsync(
                """
                INSERT INTO sales_order_configs (tenant, config_key, value_json, secret, row_version, updated_at, updated_by)
                VALUES (@tenant, @key, @valueJson, NULL, 1, @now, @userId)
                ON CONFLICT (tenant, config_key) DO NOTHING
                """,
                new
                {
                    tenant,
                    key = SalesOrderConfigKeys.OrderIdSequence,
                    valueJson = sequence.ToJson().ToJsonString(),
                    now = now.ToUnixTimeMilliseconds(),
                    userId,
                },
                tx);
            if (inserted == 1)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO order_id_counters (tenant, prefix, size, step, max_number, next_number)
                    VALUES (@tenant, @Prefix, @Size, @Step, @MaxNumber, @Start)
                    ON CONFLICT (tenant) DO NOTHING
                    """,
                    new { tenant, sequence.Prefix, sequence.Size, sequence.Step, sequence.MaxNumber, sequence.Start },
                    tx);
                return WriteOutcome.Commit(true).WithEvent(ConfigurationChange.Event(tenant, $"sales-order/{SalesOrderConfigKeys.OrderIdSequence}", now, sequence.ToJson()));
            }

            return WriteOutcome.RollBack(false);
        }, cancellationToken);
        return stored ? null : await ReadAsync(tenant, SalesOrderConfigKeys.OrderIdSequence, cancellationToken)
            ?? throw new InvalidOperationException("the order id sequence row vanished after a conflicting insert");
    }

    private sealed class ConfigRow
    {
        public string ValueJson { get; set; } = "";

        public string? Secret { get; set; }

        public long RowVersion { get; set; }

        public long UpdatedAt { get; set; }
    }
}
