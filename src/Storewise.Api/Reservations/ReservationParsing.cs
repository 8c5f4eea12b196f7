using System.Text.Json;
using Storewise.Api.Carts;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Redemptions;

namespace Storewise.Api.Reservations;

/// <summary>Reads and validates a reservation body; every problem names its field.</summary>
public static class ReservationParsing
{
    public const int DefaultTtlSeconds = 900;
    public const int MaxTtlSeconds = 86_400;

    public static bool TryParse(ReadOnlySpan<byte> body, JsonSerializerOptions json, LimitsOptions limits, DateTimeOffset now, out ParsedReservation parsed, out IResult? error)
    {
        parsed = null!;
        error = null;
        ReservationRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ReservationRequest>(body, json);
        }
        catch (JsonException exception)
        {
            error = ErrorResults.BadRequest(ErrorHandling.DescribeJsonError(exception), "validation_failed");
            return false;
        }

        var errors = new ValidationErrors();
        Pricing.Cart? cart = null;
        DateTimeOffset? evaluatedAt = null;
        if (request?.Cart is null)
        {
            errors.Add("cart", "is required");
        }
        else
        {
            // The cart's own messages, named from the body's root.
            var cartErrors = new ValidationErrors();
            cart = CartValidation.Validate(request.Cart, limits, cartErrors);
            foreach (var cause in cartErrors.Causes)
            {
                var parts = cause.Split(": ", 2);
                errors.Add("cart." + parts[0], parts.Length > 1 ? parts[1] : string.Empty);
            }

            if (request.Cart.EvaluatedAt is not null)
            {
                errors.Add("cart.evaluatedAt", "must be omitted: a reservation holds limits as of now");
            }

            evaluatedAt = now;
        }

        if (string.IsNullOrWhiteSpace(request?.OrderId))
        {
            errors.Add("orderId", "is required");
        }
        else if (request.OrderId.Length > RedemptionParsing.MaxOrderIdLength)
        {
            errors.Add("orderId", $"must be at most {RedemptionParsing.MaxOrderIdLength} characters");
        }

        if (request?.TtlSeconds is < 1 or > MaxTtlSeconds)
        {
            errors.Add("ttlSeconds", $"must be between 1 and {MaxTtlSeconds}");
        }

        if (errors.Any || cart is null || evaluatedAt is null)
        {
            error = errors.ToResult();
            return false;
        }

        parsed = new ParsedReservation(request!.Cart!, cart, request.OrderId!, TimeSpan.FromSeconds(request.TtlSeconds ?? DefaultTtlSeconds));
        return true;
    }
}

/// <summary>A valid reservation body: the cart as sent (echoed in the answer) and as priced, the order, the hold time.</summary>
public sealed record ParsedReservation(CartRequest Request, Pricing.Cart Cart, string OrderId, TimeSpan Ttl);
