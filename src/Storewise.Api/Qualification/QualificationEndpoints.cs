using Storewise.Api.Auth;
using Storewise.Api.Carts;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Pricing;

namespace Storewise.Api.Qualification;

/// <summary>
/// <c>POST /v0/promotions/qualification</c> (docs/pricing-semantics.md, "Qualification"): every automatic promotion
/// that applies to the cart or nearly applies, and with <c>includeCoupons</c> every coupon the customer could use,
/// each with its saving, hint and remaining usage, sorted by saving and paged. Read-only, like the cart.
/// </summary>
public static class QualificationEndpoints
{
    public const int DefaultCount = 20;

    // A POST body carries the cart, so paging is optional here: the first page of DefaultCount without it.
    private static readonly IReadOnlyList<QueryParameter> PageParameters =
    [
        new("count", Microsoft.OpenApi.JsonSchemaType.Integer, $"Items per page, from 1 to {PageRequest.MaxCount}; {DefaultCount} when absent.") { Minimum = 1, Maximum = PageRequest.MaxCount },
        new("page", Microsoft.OpenApi.JsonSchemaType.Integer, "The page to return, from 1; 1 when absent.") { Minimum = 1 },
    ];

    public static void MapQualificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v0/promotions/qualification", QualifyAsync)
            .RequireAuthorization(Scopes.PromotionsRead)
            .WithName("QualifyCart")
            .Produces<PagedList<QualifiedOfferEntry>>()
            .WithTags("Cart")
            .WithSummary("List the promotions and coupons a cart qualifies or nearly qualifies for")
            .WithQuery(PageParameters);
    }

    private static async Task<IResult> QualifyAsync(
        QualificationRequest? request, HttpRequest http, RequestUser user, CartPricing pricing, LimitsOptions limits, TimeProvider clock)
    {
        var count = http.Query.ContainsKey("count") ? (string?)http.Query["count"] : DefaultCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pageNumber = http.Query.ContainsKey("page") ? (string?)http.Query["page"] : "1";
        if (!PageRequest.TryParse(count, pageNumber, out var page, out var pageError))
        {
            return pageError!;
        }

        if (request?.Cart is not { } cartRequest)
        {
            return ErrorResults.BadRequest("cart: is required", "validation_failed");
        }

        var errors = new ValidationErrors();
        var cart = CartValidation.Validate(cartRequest, limits, errors);
        var evaluatedAt = CartValidation.EvaluatedAt(cartRequest.EvaluatedAt, clock.GetUtcNow(), errors);
        if (errors.Any || cart is null || evaluatedAt is null)
        {
            var nested = new ValidationErrors();
            nested.AddNested("cart.", errors);
            return nested.ToResult();
        }

        var result = await pricing.QualifyAsync(user.Tenant, cart, evaluatedAt.Value, request.IncludeCoupons == true);
        var exponent = CurrencyMinorUnits.GetExponentOrDefault(cart.Currency);
        var items = result.Offers
            .Skip((int)Math.Min(page.Offset, int.MaxValue))
            .Take(page.Count)
            .Select(o => new QualifiedOfferEntry
            {
                Source = CartResponseMapper.Source(o.Source),
                Id = o.Id,
                Name = o.Name,
                Saving = Money.Normalise(o.Saving, exponent),
                Reason = o.Reason,
                Hint = HintEntry.From(o.Hint, exponent),
                Usage = CartResponseMapper.UsageOf(o.Source, o.Id, o.Usage, exponent),
            })
            .ToList();
        return TypedResults.Ok(PagedList<QualifiedOfferEntry>.Create(items, page, result.Offers.Count, "/qualification", http.Query));
    }
}
