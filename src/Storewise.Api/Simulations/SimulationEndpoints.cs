using System.Text.Json;
using Storewise.Api.Auth;
using Storewise.Api.Carts;
using Storewise.Api.CartLog;
using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Api.Storage;

namespace Storewise.Api.Simulations;

/// <summary>
/// <c>/v0/promotions/simulations</c> (docs/decisions/0704-simulations.md): start a replay of the cart log against a
/// change, follow it, cancel it. Starting one validates the change against the catalogue as it is.
/// </summary>
public static class SimulationEndpoints
{
    public static void MapSimulationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v0/promotions/simulations").WithTags("Simulations");
        group.MapPost("", StartSimulation).RequireAuthorization(Scopes.PromotionsWrite).WithName("StartSimulation").Produces<SimulationResource>(StatusCodes.Status202Accepted);
        group.MapGet("", ListSimulations).RequireAuthorization(Scopes.PromotionsRead).WithName("ListSimulations").Produces<PagedList<SimulationResource>>()
            .WithQuery(PageRequest.Parameters);
        group.MapGet("/{id}", GetSimulation).RequireAuthorization(Scopes.PromotionsRead).WithName("GetSimulation").Produces<SimulationResource>();
        group.MapPost("/{id}/cancel", CancelSimulation).RequireAuthorization(Scopes.PromotionsWrite).WithName("CancelSimulation").Produces<SimulationResource>().Produces(StatusCodes.Status409Conflict);
        // DELETE is the cancel a REST client looks for (docs/decisions/0707-simulation-list-and-delete.md); the job is kept.
        group.MapDelete("/{id}", CancelSimulation).RequireAuthorization(Scopes.PromotionsWrite).WithName("DeleteSimulation").Produces<SimulationResource>().Produces(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> StartSimulation(
        SimulationRequest? request, RequestUser user, Database database, PromotionSetCache cache, ObjectIds ids, TimeProvider clock, CancellationToken ct)
    {
        if (request is null)
        {
            return ErrorResults.BadRequest("body: a JSON object is required", "validation_failed");
        }

        var errors = new ValidationErrors();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var plan = SimulationPlan.Check(request, user.Tenant, user.UserId, now, errors);
        if (plan is null)
        {
            return errors.ToResult();
        }

        long total;
        await using (var connection = await database.OpenAsync(ct))
        {
            var stored = await cache.GetAsync(user.Tenant, await CatalogueVersions.GetAsync(connection, user.Tenant));
            if (plan.Change.ReportUnknown(plan.Change.ApplyTo(stored), "preview", errors))
            {
                return errors.ToResult();
            }

            total = await CartLogStore.CountAsync(connection, user.Tenant, plan.From, plan.To, plan.Stores);
        }

        var row = new SimulationRow
        {
            Tenant = user.Tenant,
            Id = ids.NewId(),
            Status = SimulationStatus.Queued,
            Request = JsonSerializer.Serialize(request, SimulationJson.Default.SimulationRequest),
            PositionAt = LogPosition.Start.LoggedAt,
            PositionSeq = LogPosition.Start.Seq,
            Total = total,
            CreatedAt = now.ToUnixTimeMilliseconds(),
            CreatedBy = user.UserId,
            UpdatedAt = now.ToUnixTimeMilliseconds(),
        };
        await SimulationStore.InsertAsync(database, row, ct);
        return TypedResults.Accepted($"/v0/promotions/simulations/{row.Id}", SimulationResources.From(row, plan));
    }

    private static async Task<IResult> ListSimulations(HttpRequest http, RequestUser user, Database database, CancellationToken ct)
    {
        if (!PageRequest.TryParse(http.Query["count"], http.Query["page"], out var page, out var pageError))
        {
            return pageError!;
        }

        await using var connection = await database.OpenAsync(ct);
        var (rows, total) = await SimulationStore.ListAsync(connection, user.Tenant, page.Count, page.Offset);
        return TypedResults.Ok(PagedList<SimulationResource>.Create([.. rows.Select(r => SimulationResources.From(r))], page, total, "/simulations", http.Query));
    }

    private static async Task<IResult> GetSimulation(string id, RequestUser user, Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await SimulationStore.GetAsync(connection, user.Tenant, id);
        return row is null ? ErrorResults.NotFound() : TypedResults.Ok(SimulationResources.From(row));
    }

    private static async Task<IResult> CancelSimulation(string id, RequestUser user, Database database, TimeProvider clock, CancellationToken ct)
    {
        var row = await SimulationStore.CancelAsync(database, user.Tenant, id, clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        return row switch
        {
            null => ErrorResults.NotFound(),
            { Status: SimulationStatus.Cancelled } => TypedResults.Ok(SimulationResources.From(row)),
            _ => ErrorResults.Conflict($"status: the simulation is {row.Status} and can no longer be cancelled", "simulation_finished"),
        };
    }
}
