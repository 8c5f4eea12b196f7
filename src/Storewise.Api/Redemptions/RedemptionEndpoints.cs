using System.Text.Json;
using Microsoft.Extensions.Options;
using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Api.Idempotency;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Storewise.Api.Redemptions;

/// <summary>Coupon code redemption and its rollback (SPEC 1.2, 4.7, D7).</summary>
public static class RedemptionEndpoints
{
    public static void MapRedemptionEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/v0/promotions/redemption").WithTags("Redemptions");
        group.MapPost("", Redeem).RequireAuthorization(Scopes.PromotionsWrite).WithName("RedeemCouponCodes")
            .WithMetadata(new DocumentedRequestBody(typeof(RedemptionRequest), "application/json"))
            .Produces<RedemptionReceipt>().Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status409Conflict).Produces(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{orderId}", RollBack).RequireAuthorization(Scopes.PromotionsWrite).WithName("RollBackRedemptions").Produces(StatusCodes.Status204NoContent);
    }

    public static async Task<IResult> Redeem(
        HttpRequest request,
        RequestUser user,
        RedemptionStore store,
        IdempotencyKeys keys,
        LimitsOptions limits,
        IOptions<JsonOptions> jsonOptions,
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

        IdempotencyClaim? claim = null;
        if (request.Headers.TryGetValue(IdempotencyKeys.Header, out var header))
        {
            var key = header.ToString();
            if (key.Length is 0 or > IdempotencyKeys.MaxKeyLength)
            {
                return ErrorResults.BadRequest($"{IdempotencyKeys.Header}: must be 1 to {IdempotencyKeys.MaxKeyLength} characters", "validation_failed");
            }

            claim = await keys.ClaimAsync(user.Tenant, key, IdempotencyKeys.Hash(body.Span), cancellationToken);
            switch (claim.Kind)
            {
                case IdempotencyClaimKind.Replay:
                    request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
                    return Results.Content(claim.Body ?? "", "application/json", statusCode: claim.Status);
                case IdempotencyClaimKind.BodyMismatch:
                    return ErrorResults.Status(
                        StatusCodes.Status422UnprocessableEntity, "this Idempotency-Key was used with a different request body", "idempotency_key_reused");
                case IdempotencyClaimKind.InFlight:
                    return ErrorResults.Conflict("a request with this Idempotency-Key is still in progress", "idempotency_key_in_flight");
            }
        }

        RedemptionOutcome outcome;
        try
        {
            outcome = await store.RedeemAsync(
                user.Tenant,
                redemption,
                claim is null ? null : (connection, tx, receipt) => IdempotencyKeys.CompleteAsync(connection, tx, claim, 200, JsonSerializer.Serialize(receipt, json)),
                cancellationToken);
        }
        catch when (claim is not null)
        {
            await keys.ReleaseAsync(claim); // a failure that is not an answer (database down) must not be replayed
            throw;
        }

        if (outcome.Receipt is { } done)
        {
            return TypedResults.Ok(done);
        }

        var first = outcome.Failures[0];
        var error = new ApiError(first.Message, first.Status)
        {
            Code = first.Reason,
            Causes = outcome.Failures.Select(f => $"{f.Reason}: {f.Message}").ToList(),
        };
        if (claim is not null)
        {
            await keys.CompleteAsync(claim, first.Status, JsonSerializer.Serialize(error, json));
        }

        return TypedResults.Json(error, json, statusCode: first.Status);
    }

    public static async Task<IResult> RollBack(string orderId, RequestUser user, RedemptionStore store, CancellationToken cancellationToken)
    {
        var rolledBack = await store.RollBackAsync(user.Tenant, orderId, cancellationToken);
        return rolledBack is null
            ? ErrorResults.NotFound($"order '{orderId}' has no redemptions", "order_not_found")
            : TypedResults.NoContent();
    }
}
