using System.Text.Json;
using Microsoft.Extensions.Options;
using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Api.Idempotency;
using Storewise.Api.Telemetry;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Storewise.Api.Redemptions;

/// <summary>Coupon code redemption and its rollback (docs/spec.md §1.2, §4.7, §D7).</summary>
public static class RedemptionEndpoints
{
    public static void MapRedemptionEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/v0/promotions/redemption").WithTags("Redemptions");
        group.MapPost("", Redeem).RequireAuthorization(Scopes.PromotionsWrite).WithName("RedeemCouponCodes").WithIdempotencyKey(RejectBody)
            .WithMetadata(new DocumentedRequestBody(typeof(RedemptionRequest), "application/json"))
            .Produces<RedemptionReceipt>().Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status409Conflict).Produces(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{orderId}", RollBack).RequireAuthorization(Scopes.PromotionsWrite).WithName("RollBackRedemptions").Produces(StatusCodes.Status204NoContent);
    }

    public static async Task<IResult> Redeem(
        HttpRequest request,
        RequestUser user,
        RedemptionStore store,
        LimitsOptions limits,
        IOptions<JsonOptions> jsonOptions,
        StorewiseMetrics metrics,
        CancellationToken cancellationToken)
    {
        var json = jsonOptions.Value.SerializerOptions;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!RedemptionParsing.TryParse(body.Span, json, limits.MaxCodesPerRequest, out var redemption, out var invalid))
        {
            return invalid!;
        }

        // The idempotency record of a success commits with the redemption itself.
        var idempotency = IdempotencyScope.Of(request.HttpContext);
        var outcome = await store.RedeemAsync(
            user.Tenant,
            redemption,
            idempotency is null ? null : (connection, tx, receipt) => idempotency.CompleteAsync(connection, tx, 200, JsonSerializer.Serialize(receipt, json)),
            cancellationToken);

        if (outcome.Receipt is { } done)
        {
            metrics.Redeemed("redeemed");
            return TypedResults.Ok(done);
        }

        var first = outcome.Failures[0];
        var error = new ApiError(first.Message, first.Status)
        {
            Code = first.Reason,
            Causes = outcome.Failures.Select(f => $"{f.Reason}: {f.Message}").ToList(),
        };
        return TypedResults.Json(error, json, statusCode: first.Status);
    }

    // A body the handler would reject claims no idempotency key.
    private static IResult? RejectBody(HttpContext context, ReadOnlyMemory<byte> body) =>
        RedemptionParsing.TryParse(
            body.Span,
            context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions,
            context.RequestServices.GetRequiredService<LimitsOptions>().MaxCodesPerRequest,
            out _,
            out var invalid)
            ? null
            : invalid;

    public static async Task<IResult> RollBack(string orderId, RequestUser user, RedemptionStore store, StorewiseMetrics metrics, CancellationToken cancellationToken)
    {
        var rolledBack = await store.RollBackAsync(user.Tenant, orderId, cancellationToken);
        if (rolledBack > 0)
        {
            metrics.Redeemed("rolled_back");
        }

        return rolledBack is null
            ? ErrorResults.NotFound($"order '{orderId}' has no redemptions", "order_not_found")
            : TypedResults.NoContent();
    }
}
