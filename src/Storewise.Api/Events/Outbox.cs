using System.Data.Common;
using Dapper;
using Storewise.Api.TppeIntegration;

namespace Storewise.Api.Events;

/// <summary>
/// Writes events in the transaction of the change they describe (docs/decisions/0801-transactional-outbox.md):
/// the event row, and one pending delivery per enabled endpoint subscribed to its type (plus the TPPE session update
/// URL for the types it receives). A change that rolls back leaves no event; one that commits cannot lose its event.
/// </summary>
public static class Outbox
{
    public const string TppeTarget = "tppe";

    private const string Insert = """
        INSERT INTO outbox_events (tenant, id, type, subject_id, occurred_at, payload) VALUES (@Tenant, @Id, @Type, @SubjectId, @at, @payload);
        INSERT INTO webhook_deliveries (tenant, id, endpoint_id, event_id, subject, status, attempts, next_attempt_at, window_start, created_at)
        SELECT @Tenant, @Id || '.' || id, id, @Id, @Subject, 'pending', 0, @at, @at, @at FROM webhook_endpoints
        WHERE tenant = @Tenant AND enabled = 1 AND (event_types = '*' OR event_types LIKE @pattern);
        """;

    private const string InsertWithTppe = Insert + """
        INSERT INTO webhook_deliveries (tenant, id, endpoint_id, event_id, subject, status, attempts, next_attempt_at, window_start, created_at)
        SELECT @Tenant, @Id || '.' || @tppe, @tppe, @Id, @Subject, 'pending', 0, @at, @at, @at FROM integration_configs
        WHERE tenant = @Tenant AND section = @section AND session_update_url IS NOT NULL AND session_update_url <> '';
        """;

    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxEvent> events)
    {
        foreach (var e in events)
        {
            var args = new
            {
                e.Tenant,
                e.Id,
                e.Type,
                e.SubjectId,
                e.Subject,
                at = e.OccurredAtMs,
                payload = e.ToPayload(),
                pattern = $"%,{e.Type},%",
                section = IntegrationConfigEndpoints.TppeSection,
                tppe = TppeTarget,
            };
            // One round trip per event: the event row and its fan-out.
            await connection.ExecuteAsync(EventTypes.Tppe.Contains(e.Type) ? InsertWithTppe : Insert, args, transaction);
        }
    }
}
