using Dapper;

namespace Storewise.Api.Events;

/// <summary>
/// The statements that append some events to the outbox (<see cref="Outbox.Prepare"/>), sent by a caller among its
/// own statements so the events cost no round trip of their own; <see cref="Events"/> is how many events they insert.
/// </summary>
public sealed record OutboxBatch(string Sql, DynamicParameters Parameters, int Events, bool FansOutToTppe)
{
    /// <summary>Reads what the fan-out statements returned, once the caller has read its own results; returns the deliveries made.</summary>
    public async Task<int> ReadDeliveriesAsync(SqlMapper.GridReader results)
    {
        var deliveries = (await results.ReadAsync<string>()).Count();
        if (FansOutToTppe)
        {
            deliveries += (await results.ReadAsync<string>()).Count();
        }

        return deliveries;
    }
}
