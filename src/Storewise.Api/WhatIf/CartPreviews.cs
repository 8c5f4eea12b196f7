using Storewise.Api.Auth;
using Storewise.Api.Carts;
using Storewise.Api.Errors;

namespace Storewise.Api.WhatIf;

/// <summary>
/// Prices a cart request that carries <c>preview</c> (docs/decisions/0702-previews.md): the stored catalogue with
/// the change applied, compiled for this request only; nothing is written, and the answer says it is a preview.
/// </summary>
public static class CartPreviews
{
    public static async Task<IResult> PriceAsync(
        CartRequest request, Pricing.Cart cart, DateTimeOffset evaluatedAt, bool explain, RequestUser user, CartPricing pricing, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        var change = PreviewValidator.Validate(request.Preview!, "preview", user.Tenant, user.UserId, clock.GetUtcNow(), errors);
        if (change is null)
        {
            return errors.ToResult();
        }

        VariedCatalogue? varied = null;
        var result = await pricing.PriceAsync(user.Tenant, cart, evaluatedAt, explain, stored => (varied = change.ApplyTo(stored)).Catalog, change.CodesOver);
        if (change.ReportUnknown(varied!, "preview", errors))
        {
            return errors.ToResult();
        }

        return new CartJsonResult(CartResponseMapper.Map(request, cart, result) with { Preview = true });
    }
}
