using System.Text.Json;
using Storewise.Api.Auth;
using Storewise.Api.Contracts;
using Storewise.Api.Hosting;
using Storewise.Api.Errors;

namespace Storewise.Api.TppeIntegration;

/// <summary>Integration Configurations (TPPE), docs/spec.md §1.1: served under /promotions and /v0/promotions.</summary>
public static class IntegrationConfigEndpoints
{
    public const string TppeSection = "tppe";

    public static void MapIntegrationConfigEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/promotions/configurations", "/v0/promotions/configurations" })
        {
            var group = app.MapGroup(prefix).WithTags("Integration configurations");
            var version = prefix.StartsWith("/v0", StringComparison.Ordinal) ? "V0" : "";
            group.MapGet("/{sectionId}", GetAsync).RequireAuthorization(Scopes.ConfigRead).WithName("GetIntegrationConfiguration" + version)
                .Produces<IntegrationConfigResponse>().Produces<ApiError>(400).Produces<ApiError>(404);
            group.MapPatch("/{sectionId}", PatchAsync).RequireAuthorization(Scopes.ConfigWrite).WithName("UpdateIntegrationConfiguration" + version)
                .WithMetadata(new DocumentedRequestBody(typeof(IntegrationConfigPatchRequest), "application/json"))
                .Produces<IntegrationConfigResponse>().Produces<ApiError>(400);
        }
    }

    private static async Task<IResult> GetAsync(
        string sectionId, RequestUser user, IntegrationConfigStore store, CancellationToken cancellationToken)
    {
        if (!IsKnownSection(sectionId))
        {
            return ErrorResults.BadRequest("invalid section id");
        }

        var config = await store.GetAsync(user.Tenant, sectionId, cancellationToken);
        return config is null ? ErrorResults.NotFound() : TypedResults.Ok(config);
    }

    private static async Task<IResult> PatchAsync(
        string sectionId,
        JsonElement body,
        RequestUser user,
        IntegrationConfigStore store,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!IsKnownSection(sectionId))
        {
            return ErrorResults.BadRequest("invalid section id");
        }

        var errors = new ValidationErrors();
        var patch = IntegrationConfigPatch.Parse(body, errors);
        if (patch is null)
        {
            return errors.ToResult();
        }

        var config = await store.MergeAsync(user.Tenant, sectionId, patch, user.UserId, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(config);
    }

    private static bool IsKnownSection(string sectionId) => string.Equals(sectionId, TppeSection, StringComparison.Ordinal);
}
