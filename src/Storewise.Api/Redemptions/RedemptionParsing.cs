using System.Text.Json;
using Storewise.Api.Codes;
using Storewise.Api.Errors;

namespace Storewise.Api.Redemptions;

/// <summary>Reads and validates a redemption body; every problem names its field.</summary>
public static class RedemptionParsing
{
    public const int MaxOrderIdLength = 255;

    public static bool TryParse(ReadOnlySpan<byte> body, JsonSerializerOptions json, int maxCodes, out Redemption redemption, out IResult? error)
    {
        redemption = null!;
        error = null;
        RedemptionRequest? request;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = ErrorResults.BadRequest("body: must be a JSON object", "validation_failed");
                return false;
            }

            if (root.TryGetProperty("value", out var wrapped))
            {
                if (wrapped.ValueKind != JsonValueKind.Object)
                {
                    error = ErrorResults.BadRequest("value: must be an object", "validation_failed");
                    return false;
                }

                root = wrapped;
            }

            request = root.Deserialize<RedemptionRequest>(json);
        }
        catch (JsonException exception)
        {
            error = ErrorResults.BadRequest(ErrorHandling.DescribeJsonError(exception), "validation_failed");
            return false;
        }

        var errors = new ValidationErrors();
        var codes = new List<string>();
        if (CodeText.IsUsableList(request?.Codes, maxCodes, errors))
        {
            var list = request!.Codes!;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(list[i]))
                {
                    errors.Add($"codes[{i}]", "must be a non-empty string");
                }
                else if (seen.Add(CodeText.Key(list[i]!)))
                {
                    codes.Add(list[i]!); // the same code twice counts once (as in cart pricing)
                }
            }
        }

        if (string.IsNullOrWhiteSpace(request?.OrderId))
        {
            errors.Add("orderId", "is required");
        }
        else if (request.OrderId.Length > MaxOrderIdLength)
        {
            errors.Add("orderId", $"must be at most {MaxOrderIdLength} characters");
        }

        if (string.IsNullOrWhiteSpace(request?.Currency))
        {
            errors.Add("currency", "is required");
        }

        if (request?.CatalogTotal is not { } total)
        {
            errors.Add("catalogTotal", "is required");
        }
        else if (total < 0)
        {
            errors.Add("catalogTotal", "must be at least 0");
        }

        if (errors.Any)
        {
            error = errors.ToResult();
            return false;
        }

        redemption = new Redemption(codes, request!.OrderId!, request.Currency!, request.CatalogTotal!.Value, request.ConsumerId, request.ChannelType);
        return true;
    }
}
