using Microsoft.OpenApi;
using Storewise.Api.Auth;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;

namespace Storewise.Api.Webhooks;

/// <summary>Webhook endpoints, their delivery log and redelivery (docs/events.md), under /v0/promotions/webhooks.</summary>
public static class WebhookEndpoints
{
    private const int DefaultLogCount = 50;
    private const int MaxLogCount = 150;

    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v0/promotions/webhooks").WithTags("Webhooks");
        group.MapPost("", Create).RequireAuthorization(Scopes.ConfigWrite).WithName("CreateWebhookEndpoint")
            .Produces<CreatedWebhookEndpoint>(StatusCodes.Status201Created).Produces<ApiError>(400);
        group.MapGet("", List).RequireAuthorization(Scopes.ConfigRead).WithName("ListWebhookEndpoints").Produces<WebhookEndpointList>();
        group.MapGet("/{id}", Get).RequireAuthorization(Scopes.ConfigRead).WithName("GetWebhookEndpoint")
            .Produces<WebhookEndpointResource>().Produces<ApiError>(404);
        group.MapPatch("/{id}", Update).RequireAuthorization(Scopes.ConfigWrite).WithName("UpdateWebhookEndpoint")
            .Produces<WebhookEndpointResource>().Produces<ApiError>(400).Produces<ApiError>(404);
        group.MapDelete("/{id}", Delete).RequireAuthorization(Scopes.ConfigWrite).WithName("DeleteWebhookEndpoint")
            .Produces(StatusCodes.Status204NoContent).Produces<ApiError>(404);
        group.MapGet("/{id}/deliveries", ListDeliveries).RequireAuthorization(Scopes.ConfigRead).WithName("ListWebhookDeliveries")
            .Produces<WebhookDeliveryList>().Produces<ApiError>(400).Produces<ApiError>(404)
            .WithQuery(new QueryParameter("count", JsonSchemaType.Integer, $"How many of the newest deliveries to list (default {DefaultLogCount}).") { Minimum = 1, Maximum = MaxLogCount });
        group.MapPost("/{id}/deliveries/{deliveryId}/redeliver", Redeliver).RequireAuthorization(Scopes.ConfigWrite).WithName("RedeliverWebhook")
            .Produces<WebhookDeliveryResource>(StatusCodes.Status202Accepted).Produces<ApiError>(404);
    }

    private static async Task<IResult> Create(
        CreateWebhookEndpointRequest? request, RequestUser user, WebhookStore store, WebhookOptions options, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ErrorResults.BadRequest("body: a JSON object is required", "validation_failed");
        }

        var errors = new ValidationErrors();
        WebhookValidation.Url(request.Url, required: true, options, errors);
        var types = WebhookValidation.Types(request.EventTypes, required: true, errors);
        WebhookValidation.Description(request.Description, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var created = await store.CreateAsync(user.Tenant, request.Url!, types!, request.Description, cancellationToken);
        return TypedResults.Created($"/v0/promotions/webhooks/{created.Webhook.Id}", created);
    }

    private static async Task<IResult> List(RequestUser user, WebhookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new WebhookEndpointList(await store.ListAsync(user.Tenant, cancellationToken)));

    private static async Task<IResult> Get(string id, RequestUser user, WebhookStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(user.Tenant, id, cancellationToken) is { } endpoint ? TypedResults.Ok(endpoint) : ErrorResults.NotFound();

    private static async Task<IResult> Update(
        string id, UpdateWebhookEndpointRequest? request, RequestUser user, WebhookStore store, WebhookOptions options, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ErrorResults.BadRequest("body: a JSON object is required", "validation_failed");
        }

        var errors = new ValidationErrors();
        WebhookValidation.Url(request.Url, required: false, options, errors);
        var types = WebhookValidation.Types(request.EventTypes, required: false, errors);
        WebhookValidation.Description(request.Description, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var updated = await store.UpdateAsync(user.Tenant, id, request.Url, types, request.Description, request.Enabled, cancellationToken);
        return updated is null ? ErrorResults.NotFound() : TypedResults.Ok(updated);
    }

    private static async Task<IResult> Delete(string id, RequestUser user, WebhookStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(user.Tenant, id, cancellationToken) ? TypedResults.NoContent() : ErrorResults.NotFound();

    private static async Task<IResult> ListDeliveries(string id, string? count, RequestUser user, WebhookStore store, CancellationToken cancellationToken)
    {
        var limit = DefaultLogCount;
        if (count is not null && (!int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLogCount))
        {
            return ErrorResults.BadRequest($"count: must be an integer from 1 to {MaxLogCount}", "validation_failed");
        }

        var deliveries = await store.ListDeliveriesAsync(user.Tenant, id, limit, cancellationToken);
        return deliveries is null ? ErrorResults.NotFound() : TypedResults.Ok(new WebhookDeliveryList(deliveries));
    }

    private static async Task<IResult> Redeliver(string id, string deliveryId, RequestUser user, WebhookStore store, CancellationToken cancellationToken) =>
        await store.RedeliverAsync(user.Tenant, id, deliveryId, cancellationToken) is { } delivery
            ? TypedResults.Accepted($"/v0/promotions/webhooks/{id}/deliveries", delivery)
            : ErrorResults.NotFound();
}
