using System.Text.Json;
using System.Text.Json.Nodes;
using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Contracts;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>
/// Sales order configuration (docs/spec.md §1.4, §5, §D10) and the order id generator that uses the configured
/// sequence. Errors are problem+json (docs/spec.md §D11).
/// </summary>
public static partial class SalesOrderConfigEndpoints
{
    public static void MapSalesOrderConfigEndpoints(this IEndpointRouteBuilder app)
    {
        var config = app.MapGroup("/v0/config/sales_order").WithTags("Sales order configuration");
        config.MapGet("/{key}", GetAsync).RequireAuthorization(Scopes.ConfigRead).WithName("GetSalesOrderConfiguration")
            .Produces<ConfigEnvelope>().Produces<ProblemError>(404, "application/problem+json");
        config.MapPost("/{key}", PostAsync).RequireAuthorization(Scopes.ConfigWrite).WithName("SetSalesOrderConfiguration")
            .WithMetadata(new DocumentedRequestBody(typeof(ConfigValueRequest), "application/json"))
            .Produces<ConfigEnvelope>()
            .Produces<ProblemError>(400, "application/problem+json")
            .Produces<ProblemError>(404, "application/problem+json")
            .Produces<ProblemError>(409, "application/problem+json");

        app.MapPost("/v0/sales_order/order_id", NextOrderIdAsync).RequireAuthorization(Scopes.ConfigWrite).WithName("NextOrderId")
            .WithTags("Sales order configuration")
            .Produces<OrderIdResponse>()
            .Produces<ProblemError>(404, "application/problem+json")
            .Produces<ProblemError>(409, "application/problem+json");
    }

    private static async Task<IResult> GetAsync(
        string key, RequestUser user, HttpContext context, SalesOrderConfigStore store, CancellationToken cancellationToken)
    {
        if (!SalesOrderConfigKeys.IsKnown(key))
        {
            return UnknownKey(context, key);
        }

        var stored = await store.ReadAsync(user.Tenant, key, cancellationToken);
        if (stored is not null)
        {
            return TypedResults.Ok(Render(stored));
        }

        return SalesOrderConfigKeys.TryGetDefault(key, out var value)
            ? TypedResults.Ok(new ConfigEnvelope(value, null))
            : ErrorResults.Problem(context, StatusCodes.Status404NotFound, $"{key} is not set", "not_found");
    }

    private static async Task<IResult> PostAsync(
        string key,
        JsonElement body,
        RequestUser user,
        HttpContext context,
        SalesOrderConfigStore store,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!SalesOrderConfigKeys.IsKnown(key))
        {
            return UnknownKey(context, key);
        }

        var errors = new ValidationErrors();
        var value = SalesOrderConfigValidator.Parse(key, body, errors);
        if (value is null)
        {
            return errors.ToProblem(context);
        }

        var now = clock.GetUtcNow();
        if (value.Sequence is not null)
        {
            return await SetSequenceAsync(value.Sequence, user, context, store, now, cancellationToken);
        }

        var version = await store.ReadVersionAsync(user.Tenant, key, cancellationToken);
        if (!await store.TryWriteAsync(user.Tenant, key, value, version, user.UserId, now, cancellationToken))
        {
            return ErrorResults.Problem(
                context, StatusCodes.Status409Conflict, $"{key} was changed by a concurrent update; read it and retry", "conflict");
        }

        if (key == SalesOrderConfigKeys.OnHoldTimerDuration && value.Value.GetValue<long>() > 3600)
        {
            // The inventory reservation timeout is at most 3600 s and should outlast the grace period (docs/spec.md §8 #21).
            LogLongGracePeriod(loggers.CreateLogger("Storewise.SalesOrderConfig"), value.Value.GetValue<long>(), user.Tenant);
        }

        return TypedResults.Ok(Render(new StoredConfig(value.ToJson(), value.Secret, 0, now)));
    }

    /// <summary>The sequence is immutable: the same values again are 200, different ones 409 (docs/spec.md §D10).</summary>
    private static async Task<IResult> SetSequenceAsync(
        OrderIdSequence sequence, RequestUser user, HttpContext context, SalesOrderConfigStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await store.TrySetSequenceAsync(user.Tenant, sequence, user.UserId, now, cancellationToken);
        if (existing is null)
        {
            return TypedResults.Ok(new ConfigEnvelope(sequence.ToJson(), Timestamps.Rfc3339(now)));
        }

        return existing.ValueJson == sequence.ToJson().ToJsonString()
            ? TypedResults.Ok(Render(existing))
            : ErrorResults.Problem(context, StatusCodes.Status409Conflict, "sequence already configured", "conflict");
    }

    private static async Task<IResult> NextOrderIdAsync(
        RequestUser user, HttpContext context, OrderIdCounter counter, CancellationToken cancellationToken)
    {
        var next = await counter.NextAsync(user.Tenant, cancellationToken);
        return next.Outcome switch
        {
            OrderIdOutcome.Allocated => TypedResults.Ok(new OrderIdResponse(next.OrderId!)),
            OrderIdOutcome.NotConfigured => ErrorResults.Problem(
                context, StatusCodes.Status404NotFound, "no order id sequence is configured (sales_order_generator_sequence)", "not_found"),
            _ => ErrorResults.Problem(
                context, StatusCodes.Status409Conflict, "the order id sequence is exhausted: the next number does not fit in its size", "sequence_exhausted"),
        };
    }

    private static ConfigEnvelope Render(StoredConfig stored)
    {
        var value = JsonNode.Parse(stored.ValueJson)!;
        if (stored.Secret is not null && value is JsonObject webhook)
        {
            // Rebuilt so api_key sits between url and timeout, as in the vendor's sample.
            value = new JsonObject
            {
                ["url"] = webhook["url"]?.DeepClone(),
                ["api_key"] = WebhookKeyMask.Mask(stored.Secret),
                ["timeout"] = webhook["timeout"]?.DeepClone(),
            };
        }

        return new ConfigEnvelope(value, Timestamps.Rfc3339(stored.UpdatedAt));
    }

    private static IResult UnknownKey(HttpContext context, string key) =>
        ErrorResults.Problem(context, StatusCodes.Status404NotFound, $"config key {key} does not exist", "not_found");

    [LoggerMessage(Level = LogLevel.Warning, Message = "on_hold_timer_duration of {Seconds} s for tenant {Tenant} exceeds the 3600 s reservation timeout")]
    private static partial void LogLongGracePeriod(ILogger logger, long seconds, string tenant);
}
