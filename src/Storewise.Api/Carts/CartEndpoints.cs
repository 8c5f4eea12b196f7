using Microsoft.OpenApi;
using Storewise.Api.Auth;
using Storewise.Api.CartLog;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Api.WhatIf;

namespace Storewise.Api.Carts;

/// <summary><c>POST /v0/promotions/cart</c>: prices a cart; read-only, never changes stored state.</summary>
public static class CartEndpoints
{
    public static void MapCartEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v0/promotions/cart", PriceAsync)
            .RequireAuthorization(Scopes.PromotionsRead)
            .ReadsContiguousBody()
            .WithName("PriceCart")
            .Produces<DiscountedCartResponse>(StatusCodes.Status200OK, "application/json")
            .WithTags("Cart")
            .WithSummary("Apply promotions and coupons to a cart")
            .WithQuery(new QueryParameter("explain", JsonSchemaType.Boolean, "With true, the answer also lists every automatic promotion that was considered and not applied, with the reason (notApplied)."));
    }

    private static async Task<IResult> PriceAsync(
        CartRequest? request,
        RequestUser user,
        CartPricing pricing,
        LimitsOptions limits,
        CartLogQueue cartLog,
        TimeProvider clock,
        bool? explain)
    {
        if (request is null)
        {
            return ErrorResults.BadRequest("body: a cart is required", "validation_failed");
        }

        var errors = new ValidationErrors();
        var cart = CartValidation.Validate(request, limits, errors);
        var evaluatedAt = CartValidation.EvaluatedAt(request.EvaluatedAt, clock.GetUtcNow(), errors);
        if (errors.Any || cart is null || evaluatedAt is null)
        {
            return errors.ToResult();
        }

        if (request.Preview is not null)
        {
            return await CartPreviews.PriceAsync(request, cart, evaluatedAt.Value, explain == true, user, pricing, clock);
        }

        var result = await pricing.PriceAsync(user.Tenant, cart, evaluatedAt.Value, explain == true);
        cartLog.Offer(user.Tenant, cart, request.EvaluatedAt is null ? null : evaluatedAt);
        return new CartJsonResult(CartResponseMapper.Map(request, cart, result));
    }
}
