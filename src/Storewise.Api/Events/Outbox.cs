using System.Data.Common;
using System.Text;
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

    // Events per round trip: 7 parameters each stays far below every engine's parameter limit.
    private const int EventsPerStatement = 100;

    private const string Columns = "tenant, id, type, subject_id, subject, at, n, tppe";

    /// <summary>
    /// Appends <paramref name="events"/> in a few round trips (one per <see cref="EventsPerStatement"/> events): the
    /// event rows and their fan-out, in list order, so deliveries of one subject get ascending <c>seq</c> in the
    /// order the events were raised. Returns how many deliveries they fanned out to (none when no endpoint or TPPE
    /// session URL wants them), so the caller wakes the delivery worker only when there is something to send.
    /// </summary>
    public static async Task<int> AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxEvent> events)
    {
        var deliveries = 0;
        for (var start = 0; start < events.Count; start += EventsPerStatement)
        {
            var batch = Build(events, start, Math.Min(events.Count, start + EventsPerStatement), string.Empty);
            // The rows the batch inserted are the events and their deliveries.
            deliveries += await connection.ExecuteAsync(batch.Sql, batch.Parameters, transaction) - batch.Events;
        }

        return deliveries;
    }

    /// <summary>
    /// The statements that append <paramref name="events"/> (at most <see cref="EventsPerStatement"/>), for a caller
    /// to send in a round trip of its own, with parameter names starting with <paramref name="prefix"/> so they do not
    /// meet its own. The caller reads their results with <see cref="OutboxBatch.ReadDeliveriesAsync"/>, after its own.
    /// </summary>
    public static OutboxBatch Prepare(IReadOnlyList<OutboxEvent> events, string prefix)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Count, EventsPerStatement);
        return Build(events, 0, events.Count, prefix);
    }

    private static OutboxBatch Build(IReadOnlyList<OutboxEvent> events, int start, int end, string prefix)
    {
        var values = new StringBuilder();
        var parameters = new DynamicParameters();
        var anyTppe = false;
        for (var i = start; i < end; i++)
        {
            var e = events[i];
            var tppe = EventTypes.Tppe.Contains(e.Type);
            anyTppe |= tppe;
            values.Append(i == start ? "" : ", ").Append($"(@{prefix}t{i}, @{prefix}i{i}, @{prefix}y{i}, @{prefix}s{i}, @{prefix}j{i}, @{prefix}a{i}, {i}, {(tppe ? 1 : 0)})");
            parameters.Add($"{prefix}t{i}", e.Tenant);
            parameters.Add($"{prefix}i{i}", e.Id);
            parameters.Add($"{prefix}y{i}", e.Type);
            parameters.Add($"{prefix}s{i}", e.SubjectId);
            parameters.Add($"{prefix}j{i}", e.Subject);
            parameters.Add($"{prefix}a{i}", e.OccurredAtMs);
            parameters.Add($"{prefix}p{i}", e.ToPayload());
        }

        var payloads = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            payloads.Append(i == start ? "" : ", ").Append($"(@{prefix}t{i}, @{prefix}i{i}, @{prefix}y{i}, @{prefix}s{i}, @{prefix}a{i}, @{prefix}p{i})");
        }

        // Each fan-out returns the deliveries it made, so a caller that sends these among its own statements can count them.
        var sql = new StringBuilder()
            .Append("INSERT INTO outbox_events (tenant, id, type, subject_id, occurred_at, payload) VALUES ").Append(payloads).Append(";\n")
            .Append($"WITH v({Columns}) AS (VALUES ").Append(values).Append(')').Append("""

                INSERT INTO webhook_deliveries (tenant, id, endpoint_id, event_id, subject, status, attempts, next_attempt_at, window_start, created_at)
                SELECT v.tenant, v.id || '.' || e.id, e.id, v.id, v.subject, 'pending', 0, v.at, v.at, v.at
                FROM v JOIN webhook_endpoints e ON e.tenant = v.tenant AND e.enabled = 1 AND (e.event_types = '*' OR e.event_types LIKE '%,' || v.type || ',%')
                ORDER BY v.n, e.id
                RETURNING id;

                """);
        if (anyTppe)
        {
            parameters.Add($"{prefix}section", IntegrationConfigEndpoints.TppeSection);
            parameters.Add($"{prefix}tppeTarget", TppeTarget);
            sql.Append($"WITH v({Columns}) AS (VALUES ").Append(values).Append(')').Append($"""

                INSERT INTO webhook_deliveries (tenant, id, endpoint_id, event_id, subject, status, attempts, next_attempt_at, window_start, created_at)
                SELECT v.tenant, v.id || '.' || @{prefix}tppeTarget, @{prefix}tppeTarget, v.id, v.subject, 'pending', 0, v.at, v.at, v.at
                FROM v JOIN integration_configs c ON c.tenant = v.tenant AND c.section = @{prefix}section
                    AND c.session_update_url IS NOT NULL AND c.session_update_url <> ''
                WHERE v.tppe = 1
                ORDER BY v.n
                RETURNING id;

                """);
        }

        return new OutboxBatch(sql.ToString(), parameters, end - start, anyTppe);
    }
}
