using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Storewise.Api.Auth;
using Storewise.Api.Codes;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Api.Storage;

namespace Storewise.Api.Imports;

/// <summary>CSV code imports (docs/spec.md §1.3, §D9): upload (202, processed in the background), list, get, error report.</summary>
public static class ImportEndpoints
{
    public static void MapImportEndpoints(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<LimitsOptions>();
        var group = app.MapGroup("/v0/promotions/coupon/{id}/code/import").WithTags("Coupon code imports");
        // The body may be the file plus multipart framing; the file itself is limited while it streams.
        group.MapPost("", CreateImport)
            .RequireAuthorization(Scopes.PromotionsWrite)
            .WithName("CreateCouponCodeImport")
            .WithMetadata(new DocumentedRequestBody(typeof(IFormFile), "multipart/form-data"))
            .Produces<CodesImportAccepted>(StatusCodes.Status202Accepted)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxImportBytes + 64 * 1024))
            .DisableAntiforgery();
        group.MapGet("", ListImports).RequireAuthorization(Scopes.PromotionsRead).WithName("ListCouponCodeImports").Produces<PagedList<CodesImportItem>>().WithQuery(PageRequest.Parameters);
        group.MapGet("/{importId}", GetImport).RequireAuthorization(Scopes.PromotionsRead).WithName("GetCouponCodeImport").Produces<CodesImportItem>();
        group.MapGet("/{importId}/errors", ListImportErrors).RequireAuthorization(Scopes.PromotionsRead).WithName("ListCouponCodeImportErrors").Produces<PagedList<ImportErrorItem>>()
            .WithQuery(PageRequest.Parameters);
    }

    public static async Task<IResult> CreateImport(
        string id,
        HttpRequest request,
        RequestUser user,
        ImportStore store,
        ImportStaging staging,
        ImportBatches batches,
        ImportSignal signal,
        ObjectIds ids,
        LimitsOptions limits,
        CancellationToken cancellationToken)
    {
        if (ImportUpload.Boundary(request) is not { } boundary)
        {
            return ErrorResults.BadRequest("body: must be multipart/form-data with a part named 'import'", "validation_failed");
        }

        MultipartSection? section;
        try
        {
            section = await ImportUpload.FindImportPartAsync(new MultipartReader(boundary, request.Body), cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return Unreadable();
        }

        if (section is null)
        {
            return ErrorResults.BadRequest("import: the multipart part 'import' (the CSV file) is required", "validation_failed");
        }

        var importId = ids.NewId();
        var owner = JobLease.NewOwner();
        if (!await store.StartUploadAsync(user.Tenant, id, importId, owner, cancellationToken))
        {
            return ErrorResults.NotFound("coupon not found", "coupon_not_found");
        }

        var file = new CountingStream(section.Body, limits.MaxImportBytes);
        StagingOutcome staged;
        try
        {
            // Batches are settled while later ones still stream in (docs/decisions/0517-imports-settle-while-streaming.md).
            var settling = batches.SettleWhileUploading(new ImportRow { Tenant = user.Tenant, Id = importId, CouponId = id }, owner, cancellationToken);
            try
            {
                staged = await staging.StageAsync(user.Tenant, importId, CsvCodeReader.ReadAsync(file, cancellationToken), limits.MaxImportCodes, settling.Staged, cancellationToken);
            }
            finally
            {
                await settling.StopAsync();
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            await store.DiscardUploadAsync(user.Tenant, importId);
            return Unreadable();
        }
        catch
        {
            await store.DiscardUploadAsync(user.Tenant, importId);
            throw;
        }

        var rejection = file.Exceeded
            ? $"import: the file is larger than {limits.MaxImportBytes} bytes"
            : staged.TooManyCodes
                ? $"import: the file has more than {limits.MaxImportCodes} codes"
                : staged.Count == 0 ? "import: the file contains no codes" : null;
        if (rejection is not null)
        {
            await store.DiscardUploadAsync(user.Tenant, importId);
            return ErrorResults.BadRequest(rejection, "validation_failed");
        }

        var import = await store.MarkCreatedAsync(user.Tenant, importId, staged.Count, cancellationToken);
        signal.Notify();
        return TypedResults.Json(new CodesImportAccepted(CodesImportResource.From(import)), statusCode: StatusCodes.Status202Accepted);
    }

    // Malformed multipart framing (or a body cut short) is the client's problem, not a 500.
    private static IResult Unreadable() =>
        ErrorResults.BadRequest("import: the multipart body could not be read", "validation_failed");

    public static async Task<IResult> ListImports(
        string id, string? count, string? page, RequestUser user, ImportStore store, HttpContext context, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryParse(count, page, out var request, out var error))
        {
            return error!;
        }

        if (await store.ListAsync(user.Tenant, id, request, cancellationToken) is not { } list)
        {
            return ErrorResults.NotFound();
        }

        var items = list.Rows.Select(r => new CodesImportItem(new SelfLink(CodesImportResource.SelfLink(id, r.Id)), CodesImportResource.From(r))).ToList();
        return TypedResults.Ok(PagedList<CodesImportItem>.Create(items, request, list.Total, $"/coupon/{id}/code/import", context.Request.Query));
    }

    public static async Task<IResult> GetImport(string id, string importId, RequestUser user, ImportStore store, CancellationToken cancellationToken)
    {
        var import = await store.GetAsync(user.Tenant, id, importId, cancellationToken);
        return import is null
            ? ErrorResults.NotFound()
            : TypedResults.Ok(new CodesImportItem(new SelfLink(CodesImportResource.SelfLink(id, importId)), CodesImportResource.From(import)));
    }

    public static async Task<IResult> ListImportErrors(
        string id, string importId, string? count, string? page, RequestUser user, ImportStore store, HttpContext context, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryParse(count, page, out var request, out var error))
        {
            return error!;
        }

        if (await store.GetAsync(user.Tenant, id, importId, cancellationToken) is null)
        {
            return ErrorResults.NotFound();
        }

        var (items, total) = await store.ListErrorsAsync(user.Tenant, importId, request, cancellationToken);
        return TypedResults.Ok(PagedList<ImportErrorItem>.Create(items, request, total, $"/coupon/{id}/code/import/{importId}/errors", context.Request.Query));
    }
}
