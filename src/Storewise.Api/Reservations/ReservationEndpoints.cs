using Microsoft.Extensions.Options;
using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Api.Idempotency;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Storewise.Api.Reservations;

/// <summary>The checkout flow: reserve at checkout, confirm on order, release on failure (docs/decisions/0602-usage-ledger-and-reservations.md).</summary>
public static class ReservationEndpoints
{
    public static void MapReservationEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/v0/promotions/reservations").WithTags("Reservations");
        group.MapPost("", Reserve).RequireAuthorization(Scopes.PromotionsWrite).WithName("ReserveCart").WithIdempotencyKey(RejectBody)
            .WithSummary("Price a cart and hold the limits and budgets it uses")
            .WithMetadata(new DocumentedRequestBody(typeof(ReservationRequest), "application/json"))
            .Produces<ReservationResponse>(StatusCodes.Status201Created).Produces(StatusCodes.Status409Conflict).Produces(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id}/confirm", Confirm).RequireAuthorization(Scopes.PromotionsWrite).WithName("ConfirmReservation").WithIdempotencyKey()
            .WithSummary("Turn a reservation into a redemption")
            .Produces<ReservationResponse>().Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status409Conflict).Produces(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}", Release).RequireAuthorization(Scopes.PromotionsWrite).WithName("ReleaseReservation")
            .WithSummary("Release a reservation and give back what it holds")
            .Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> Reserve(
        HttpRequest request,
        RequestUser user,
        ReservationStore store,
        LimitsOptions limits,
        TimeProvider clock,
        IOptions<JsonOptions> jsonOptions,
        CancellationToken cancellationToken)
    {
        var json = jsonOptions.Value.SerializerOptions;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (!ReservationParsing.TryParse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), json, limits, clock.GetUtcNow(), out var parsed, out var invalid))
        {
            return invalid!;
        }

        // The idempotency record of a success commits with the reservation itself.
        var idempotency = IdempotencyScope.Of(request.HttpContext);
        var outcome = await store.ReserveAsync(
            user.Tenant,
            parsed,
            idempotency is null ? null : (connection, tx, reservation) =>
                idempotency.CompleteAsync(connection, tx, StatusCodes.Status201Created, System.Text.Json.JsonSerializer.Serialize(reservation, json)),
            cancellationToken);
        return Answer(outcome, json);
    }

    public static async Task<IResult> Confirm(string id, RequestUser user, ReservationStore store, IOptions<JsonOptions> jsonOptions, CancellationToken cancellationToken) =>
        Answer(await store.ConfirmAsync(user.Tenant, id, cancellationToken), jsonOptions.Value.SerializerOptions);

    public static async Task<IResult> Release(string id, RequestUser user, ReservationStore store, IOptions<JsonOptions> jsonOptions, CancellationToken cancellationToken)
    {
        var outcome = await store.ReleaseAsync(user.Tenant, id, cancellationToken);
        return outcome.Reservation is not null ? TypedResults.NoContent() : Answer(outcome, jsonOptions.Value.SerializerOptions);
    }

    private static IResult Answer(ReservationOutcome outcome, System.Text.Json.JsonSerializerOptions json) =>
        outcome.Reservation is { } reservation
            ? TypedResults.Json(reservation, json, statusCode: outcome.Status)
            : TypedResults.Json(new ApiError(outcome.Message!, outcome.Status) { Code = outcome.Code }, json, statusCode: outcome.Status);

    // A body the handler would reject claims no idempotency key.
    private static IResult? RejectBody(HttpContext context, ReadOnlyMemory<byte> body) =>
        ReservationParsing.TryParse(
            body.Span,
            context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions,
            context.RequestServices.GetRequiredService<LimitsOptions>(),
            context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            out _,
            out var invalid)
            ? null
            : invalid;
}
