using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Contracts;
using Storewise.Api.Hosting;
using Storewise.Api.Offers;

namespace Storewise.Api.Promotions;

/// <summary>Automatic promotions CRUD (docs/spec.md §1.2): <c>/v0/promotions/promotion</c>.</summary>
public static class PromotionEndpoints
{
    public static void MapPromotionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v0/promotions/promotion").WithTags("Promotions");
        group.MapPost("", CreatePromotion).RequireAuthorization(Scopes.PromotionsWrite).WithName("CreatePromotion").Produces<PromotionEnvelope>(StatusCodes.Status201Created).Produces(StatusCodes.Status409Conflict);
        group.MapGet("", ListPromotions).RequireAuthorization(Scopes.PromotionsRead).WithName("ListPromotions").Produces<PagedList<PromotionEnvelope>>()
            .WithQuery([.. PageRequest.Parameters, .. OfferListFilter.Parameters(OfferType.Promotion)]);
        group.MapGet("/{id}", GetPromotion).RequireAuthorization(Scopes.PromotionsRead).WithName("GetPromotion").Produces<PromotionEnvelope>()
            .WithQuery(OfferHistoryHandlers.AsOfParameter);
        group.MapGet("/{id}/history", ListPromotionHistory).RequireAuthorization(Scopes.PromotionsRead).WithName("ListPromotionHistory").Produces<PagedList<OfferHistoryEntry>>()
            .WithQuery(PageRequest.Parameters);
        group.MapPut("/{id}", UpdatePromotion).RequireAuthorization(Scopes.PromotionsWrite).WithName("ReplacePromotion").Produces<PromotionEnvelope>().Produces(StatusCodes.Status409Conflict);
    }

    private static Task<IResult> CreatePromotion(OfferRequest? request, RequestUser user, OfferHandlers offers, CancellationToken ct) =>
        offers.CreateAsync(OfferType.Promotion, request, user, ct);

    private static Task<IResult> ListPromotions(HttpRequest http, RequestUser user, OfferHandlers offers, CancellationToken ct) =>
        offers.ListAsync(OfferType.Promotion, http, user, ct);

    private static Task<IResult> GetPromotion(string id, string? asOf, RequestUser user, OfferHandlers offers, OfferHistoryHandlers history, CancellationToken ct) =>
        asOf is null ? offers.GetAsync(OfferType.Promotion, id, user, ct) : history.GetAsOfAsync(OfferType.Promotion, id, asOf, user, ct);

    private static Task<IResult> ListPromotionHistory(string id, HttpRequest http, RequestUser user, OfferHistoryHandlers history, CancellationToken ct) =>
        history.ListAsync(OfferType.Promotion, id, http, user, ct);

    private static Task<IResult> UpdatePromotion(string id, OfferRequest? request, RequestUser user, OfferHandlers offers, CancellationToken ct) =>
        offers.UpdateAsync(OfferType.Promotion, id, request, user, ct);
}
