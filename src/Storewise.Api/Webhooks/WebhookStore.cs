using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Storewise.Api.Common;
using Storewise.Api.Storage;

namespace Storewise.Api.Webhooks;

/// <summary>Webhook endpoints of a tenant and their delivery log; signing secrets are stored encrypted.</summary>
public sealed class WebhookStore(Database database, IDataProtectionProvider protection, ObjectIds ids, TimeProvider clock)
{
    public const string SecretPurpose = "Storewise.Webhooks.SigningSecret.v1";

    private const string DeliveryColumns =
        "d.id AS Id, d.event_id AS EventId, o.type AS EventType, o.subject_id AS SubjectId, d.status AS Status, d.attempts AS Attempts, " +
        "d.last_status_code AS LastStatusCode, d.last_error AS LastError, d.last_attempt_at AS LastAttemptAt, d.next_attempt_at AS NextAttemptAt, d.created_at AS CreatedAt";

    private readonly IDataProtector _secrets = protection.CreateProtector(SecretPurpose);

    public async Task<CreatedWebhookEndpoint> CreateAsync(string tenant, string url, IReadOnlyList<string> types, string? description, CancellationToken cancellationToken)
    {
        var secret = WebhookSignature.NewSecret();
        var now = Timestamps.ToUnixMs(clock.GetUtcNow());
        var row = new WebhookEndpointRow
        {
            Tenant = tenant,
            Id = ids.NewId(),
            Url = url,
            EventTypes = WebhookEndpointRow.StoreTypes(types),
            Description = description,
            Secret = _secrets.Protect(secret),
            Enabled = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await database.WriteAsync(async (connection, tx) => WriteOutcome.Commit(await connection.ExecuteAsync(
            """
            INSERT INTO webhook_endpoints (tenant, id, url, event_types, description, secret, enabled, disabled_reason, failing_since, created_at, updated_at)
            VALUES (@Tenant, @Id, @Url, @EventTypes, @Description, @Secret, 1, NULL, NULL, @CreatedAt, @UpdatedAt)
            """,
            row,
            tx)), cancellationToken);
        return new CreatedWebhookEndpoint(row.ToResource(), secret);
    }

    public async Task<IReadOnlyList<WebhookEndpointResource>> ListAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WebhookEndpointRow>(
            $"SELECT {WebhookEndpointRow.Columns} FROM webhook_endpoints WHERE tenant = @tenant ORDER BY id", new { tenant });
        return rows.Select(r => r.ToResource()).ToList();
    }

    public async Task<WebhookEndpointResource?> GetAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<WebhookEndpointRow>(
            $"SELECT {WebhookEndpointRow.Columns} FROM webhook_endpoints WHERE tenant = @tenant AND id = @id", new { tenant, id });
        return row?.ToResource();
    }

    /// <summary>Changes what the request names in one statement; enabling again forgets the failure history. Null when unknown.</summary>
    public Task<WebhookEndpointResource?> UpdateAsync(
        string tenant, string id, string? url, IReadOnlyList<string>? types, string? description, bool? enabled, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<WebhookEndpointRow>(
                $"""
                UPDATE webhook_endpoints SET
                    url = COALESCE(@url, url),
                    event_types = COALESCE(@types, event_types),
                    description = COALESCE(@description, description),
                    enabled = COALESCE(@enabled, enabled),
                    disabled_reason = CASE WHEN @enabled = 1 THEN NULL ELSE disabled_reason END,
                    failing_since = CASE WHEN @enabled = 1 THEN NULL ELSE failing_since END,
                    updated_at = @now
                WHERE tenant = @tenant AND id = @id
                RETURNING {WebhookEndpointRow.Columns}
                """,
                new
                {
                    tenant,
                    id,
                    url,
                    types = types is null ? null : WebhookEndpointRow.StoreTypes(types),
                    description,
                    enabled = enabled is null ? (int?)null : enabled.Value ? 1 : 0,
                    now = Timestamps.ToUnixMs(clock.GetUtcNow()),
                },
                tx);
            return row is null ? WriteOutcome.RollBack<WebhookEndpointResource?>(null) : WriteOutcome.Commit<WebhookEndpointResource?>(row.ToResource());
        }, cancellationToken);

    /// <summary>Removes the endpoint and its deliveries (the events stay in the outbox). False when unknown.</summary>
    public Task<bool> DeleteAsync(string tenant, string id, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            var deleted = await connection.ExecuteAsync("DELETE FROM webhook_endpoints WHERE tenant = @tenant AND id = @id", new { tenant, id }, tx);
            if (deleted == 0)
            {
                return WriteOutcome.RollBack(false);
            }

            await connection.ExecuteAsync("DELETE FROM webhook_deliveries WHERE tenant = @tenant AND endpoint_id = @id", new { tenant, id }, tx);
            return WriteOutcome.Commit(true);
        }, cancellationToken);

    /// <summary>The endpoint's latest deliveries, newest first; null when the endpoint is unknown.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryResource>?> ListDeliveriesAsync(string tenant, string id, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int?>("SELECT 1 FROM webhook_endpoints WHERE tenant = @tenant AND id = @id", new { tenant, id }) is null)
        {
            return null;
        }

        var rows = await connection.QueryAsync<DeliveryRow>(
            $"""
            SELECT {DeliveryColumns} FROM webhook_deliveries d JOIN outbox_events o ON o.tenant = d.tenant AND o.id = d.event_id
            WHERE d.tenant = @tenant AND d.endpoint_id = @id ORDER BY d.seq DESC LIMIT @count
            """,
            new { tenant, id, count });
        return rows.Select(r => r.ToResource()).ToList();
    }

    /// <summary>Sends a delivery again from now on, with a fresh retry window; null when unknown.</summary>
    public Task<WebhookDeliveryResource?> RedeliverAsync(string tenant, string id, string deliveryId, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            var now = Timestamps.ToUnixMs(clock.GetUtcNow());
            var changed = await connection.ExecuteAsync(
                """
                UPDATE webhook_deliveries SET status = @pending, next_attempt_at = @now, window_start = @now, lease_owner = NULL, lease_until = NULL, settled_at = NULL
                WHERE tenant = @tenant AND endpoint_id = @id AND id = @deliveryId
                """,
                new { tenant, id, deliveryId, now, pending = DeliveryStatus.Pending },
                tx);
            if (changed == 0)
            {
                return WriteOutcome.RollBack<WebhookDeliveryResource?>(null);
            }

            var row = await connection.QuerySingleAsync<DeliveryRow>(
                $"""
                SELECT {DeliveryColumns} FROM webhook_deliveries d JOIN outbox_events o ON o.tenant = d.tenant AND o.id = d.event_id
                WHERE d.tenant = @tenant AND d.id = @deliveryId
                """,
                new { tenant, deliveryId },
                tx);
            return WriteOutcome.Commit<WebhookDeliveryResource?>(row.ToResource());
        }, cancellationToken);

    /// <summary>The plain signing secret of a stored payload, for the delivery worker only.</summary>
    public string Unprotect(string stored) => _secrets.Unprotect(stored);

    private sealed class DeliveryRow
    {
        public string Id { get; init; } = "";

        public string EventId { get; init; } = "";

        public string EventType { get; init; } = "";

        public string SubjectId { get; init; } = "";

        public string Status { get; init; } = "";

        public long Attempts { get; init; }

        public long? LastStatusCode { get; init; }

        public string? LastError { get; init; }

        public long? LastAttemptAt { get; init; }

        public long NextAttemptAt { get; init; }

        public long CreatedAt { get; init; }

        public WebhookDeliveryResource ToResource() => new(
            Id,
            EventId,
            EventType,
            SubjectId,
            Status,
            (int)Attempts,
            (int?)LastStatusCode,
            LastError,
            LastAttemptAt is { } last ? Rfc3339(last) : null,
            Status == DeliveryStatus.Pending ? Rfc3339(NextAttemptAt) : null,
            Rfc3339(CreatedAt));

        private static string Rfc3339(long ms) => Timestamps.Rfc3339(Timestamps.FromUnixMs(ms));
    }
}
