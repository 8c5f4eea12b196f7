using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Contracts;
using Storewise.Api.Hosting;
using Storewise.Api.Offers;

namespace Storewise.Api.Coupons;

/// <summary>Coupon definitions (docs/spec.md §1.3, without codes, imports and redemption): <c>/v0/promotions/coupon</c>.</summary>
public static class CouponEndpoints
{
    public static void MapCouponEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v0/promotions/coupon").WithTags("Coupons");
        group.MapPost("", CreateCoupon).RequireAuthorization(Scopes.PromotionsWrite).WithName("CreateCoupon").Produces<CouponEnvelope>(StatusCodes.Status201Created).Produces(StatusCodes.Status409Conflict);
        group.MapGet("", ListCoupons).RequireAuthorization(Scopes.PromotionsRead).WithName("ListCoupons").Produces<PagedList<CouponEnvelope>>()
            .WithQuery([.. PageRequest.Parameters, .. OfferListFilter.Parameters(OfferType.Coupon)]);
        group.MapGet("/{id}", GetCoupon).RequireAuthorization(Scopes.PromotionsRead).WithName("GetCoupon").Produces<CouponEnvelope>()
            .WithQuery(OfferHistoryHandlers.AsOfParameter);
        group.MapGet("/{id}/history", ListCouponHistory).RequireAuthorization(Scopes.PromotionsRead).WithName("ListCouponHistory").Produces<PagedList<OfferHistoryEntry>>()
            .WithQuery(PageRequest.Parameters);
        group.MapPut("/{id}", UpdateCoupon).RequireAuthorization(Scopes.PromotionsWrite).WithName("ReplaceCoupon").Produces<CouponEnvelope>().Produces(StatusCodes.Status409Conflict);
    }

    private static Task<IResult> CreateCoupon(OfferRequest? request, RequestUser user, OfferHandlers offers, CancellationToken ct) =>
        offers.CreateAsync(OfferType.Coupon, request, user, ct);

    private static Task<IResult> ListCoupons(HttpRequest http, RequestUser user, OfferHandlers offers, CancellationToken ct) =>
        offers.ListAsync(OfferType.Coupon, http, user, ct);

    private static Task<IResult> GetCoupon(string id, string? asOf, RequestUser user, OfferHandlers offers, OfferHistoryHandlers history, CancellationToken ct) =>
        asOf is null ? offers.GetAsync(OfferType.Coupon, id, user, ct) : history.GetAsOfAsync(OfferType.Coupon, id, asOf, user, ct);

    private static Task<IResult> ListCouponHistory(string id, HttpRequest http, RequestUser user, OfferHistoryHandlers history, CancellationToken ct) =>
        history.ListAsync(OfferType.Coupon, id, http, user, ct);

    private static Task<IResult> UpdateCoupon(string id, OfferRequest? request, RequestUser user, OfferHandlers offers, CancellationToken ct) =>
        offers.UpdateAsync(OfferType.Coupon, id, request, user, ct);
}
