using System.Data.Common;
using Dapper;
using Storewise.Api.Limits;

namespace Storewise.Api.Redemptions;

/// <summary>
/// Writes one row of the redemption ledger, by the redemption route or by a confirmed reservation. The customer id is
/// stored with its key (<see cref="CustomerKeys"/>), and <see cref="NewRedemption.HoldId"/> names the ledger hold that
/// counts the row toward its coupon's limits, if one does.
/// </summary>
public static class RedemptionRows
{
    /// <summary>False when the order already has a live redemption of the code (the unique index says so).</summary>
    public static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, NewRedemption row) =>
        await connection.ExecuteAsync(
            """
            INSERT INTO redemptions (tenant, id, order_id, code_id, code, coupon_id, consumer_id, channel_type, redeemed_at, hold_id, customer_key)
            VALUES (@Tenant, @Id, @OrderId, @CodeId, @Code, @CouponId, @ConsumerId, @ChannelType, @RedeemedAt, @HoldId, @customerKey)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                row.Tenant,
                row.Id,
                row.OrderId,
                row.CodeId,
                row.Code,
                row.CouponId,
                row.ConsumerId,
                row.ChannelType,
                row.RedeemedAt,
                row.HoldId,
                customerKey = CustomerKeys.Of(row.ConsumerId),
            },
            transaction) == 1;
}

/// <summary>A redemption row to write; <see cref="RedeemedAt"/> is Unix milliseconds.</summary>
public sealed record NewRedemption(
    string Tenant, string Id, string OrderId, string CodeId, string Code, string CouponId, string? ConsumerId, string? ChannelType, long RedeemedAt, string? HoldId);
