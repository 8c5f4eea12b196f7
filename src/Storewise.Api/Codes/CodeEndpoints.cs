using Storewise.Api.Auth;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;

namespace Storewise.Api.Codes;

/// <summary>Coupon codes (docs/spec.md §1.3): create, list, switch active.</summary>
public static class CodeEndpoints
{
    public static void MapCodeEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/v0/promotions/coupon/{id}/code").WithTags("Coupon codes");
        group.MapPost("", CreateCodes).RequireAuthorization(Scopes.PromotionsWrite).WithName("CreateCouponCodes").Produces<CreatedCodes>(StatusCodes.Status201Created).Produces(StatusCodes.Status409Conflict);
        group.MapGet("", ListCodes).RequireAuthorization(Scopes.PromotionsRead).WithName("ListCouponCodes").Produces<PagedList<CodeListItem>>().WithQuery(PageRequest.Parameters);
        group.MapPatch("/{codeId}", UpdateCode).RequireAuthorization(Scopes.PromotionsWrite).WithName("UpdateCouponCode").Produces<CodeResource>();
    }

    public static async Task<IResult> CreateCodes(
        string id, CreateCodesRequest? body, RequestUser user, CodeStore store, LimitsOptions limits, CancellationToken cancellationToken)
    {
        if (!CodeValidation.TryValidateCreate(body, limits.MaxCodesPerRequest, out var codes, out var error))
        {
            return error!;
        }

        var outcome = await store.CreateAsync(user.Tenant, id, codes, cancellationToken);
        if (outcome is null)
        {
            return ErrorResults.NotFound("coupon not found", "coupon_not_found");
        }

        if (outcome.ExistingCode is { } existing)
        {
            return ErrorResults.Conflict($"code '{existing}' already exists", "coupon_code_exists");
        }

        var resources = outcome.Created.Select(c => c.ToResource()).ToList();
        var links = resources.Select(c => new SelfLink(CodeResource.SelfLink(id, c.Id))).ToList();
        return TypedResults.Created((string?)null, new CreatedCodes(links, resources));
    }

    public static async Task<IResult> ListCodes(
        string id, string? count, string? page, RequestUser user, CodeStore store, HttpContext context, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryParse(count, page, out var request, out var error))
        {
            return error!;
        }

        var result = await store.ListAsync(user.Tenant, id, request, cancellationToken);
        if (result is not { } list)
        {
            return ErrorResults.NotFound();
        }

        var items = list.Rows.Select(r => new CodeListItem(new SelfLink(CodeResource.SelfLink(id, r.Id)), r.ToResource())).ToList();
        return TypedResults.Ok(PagedList<CodeListItem>.Create(items, request, list.Total, $"/coupon/{id}/code", context.Request.Query));
    }

    public static async Task<IResult> UpdateCode(
        string id, string codeId, UpdateCodeRequest? body, RequestUser user, CodeStore store, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(user.Tenant, id, codeId, cancellationToken);
        if (stored is null)
        {
            return ErrorResults.NotFound();
        }

        if (CodeValidation.ValidateUpdate(body, stored) is { } invalid)
        {
            return invalid;
        }

        var updated = await store.SetActiveAsync(user.Tenant, id, codeId, body!.Active!.Value, cancellationToken);
        return updated is null ? ErrorResults.NotFound() : TypedResults.Ok(updated.ToResource());
    }
}
