using System.Text.Json;
using Dapper;
using Storewise.Api.Carts;
using Storewise.Api.CartLog;
using Storewise.Api.Codes;
using Storewise.Api.Errors;
using Storewise.Api.Storage;
using Storewise.Api.WhatIf;
using Storewise.Pricing;

namespace Storewise.Api.Simulations;

/// <summary>
/// Replays a claimed simulation job (docs/decisions/0704-simulations.md): each logged cart of its range is priced
/// twice at its own logged instant, with the tenant's catalogue as it is now and with the change, and counted in
/// the job's <see cref="SimulationTally"/>; progress is saved after every batch.
/// </summary>
public sealed class SimulationRunner(Database database, PromotionSetCache cache, SimulationOptions options, TimeProvider clock)
{
    private const int CodesPerStatement = 500;

    /// <summary>Runs <paramref name="job"/> to its end, or until it is cancelled or no longer this worker's.</summary>
    public async Task RunAsync(SimulationRow job, string owner, CancellationToken cancellationToken)
    {
        var run = await StartAsync(job, owner, cancellationToken);
        while (run is not null && await run.NextBatchAsync(cancellationToken))
        {
        }
    }

    /// <summary>
    /// Prepares the replay of a job this worker has just claimed, from where it was left; null when the job
    /// cannot run and was marked FAILED.
    /// </summary>
    public async Task<SimulationReplay?> StartAsync(SimulationRow job, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (job.Attempts > options.MaxAttempts)
        {
            await SimulationStore.FinishAsync(database, job, owner, SimulationStatus.Failed, $"stopped after {options.MaxAttempts} interrupted attempts", now, cancellationToken);
            return null;
        }

        var errors = new ValidationErrors();
        var request = JsonSerializer.Deserialize(job.Request, SimulationJson.Default.SimulationRequest)!;
        var plan = SimulationPlan.Check(request, job.Tenant, job.CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(job.CreatedAt), errors);
        PromotionCatalog? stored = null;
        VariedCatalogue? varied = null;
        if (plan is not null)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            stored = await cache.GetAsync(job.Tenant, await CatalogueVersions.GetAsync(connection, job.Tenant));
            varied = plan.Change.ApplyTo(stored);
            plan.Change.ReportUnknown(varied, "preview", errors);
        }

        if (errors.Any)
        {
            // Offers named by the change were valid when the job was accepted; this is what changed since.
            await SimulationStore.FinishAsync(database, job, owner, SimulationStatus.Failed, errors.Causes[0], now, cancellationToken);
            return null;
        }

        var tally = job.Tally is null ? new SimulationTally() : JsonSerializer.Deserialize(job.Tally, SimulationJson.Default.SimulationTally)!;
        return new SimulationReplay(this, job, owner, plan!, stored!, varied!.Catalog, tally, new LogPosition(job.PositionAt, job.PositionSeq), job.Replayed);
    }

    /// <summary>Replays the next batch and saves it; false when the job is done, cancelled or no longer this worker's.</summary>
    internal async Task<bool> NextBatchAsync(SimulationReplay replay, CancellationToken cancellationToken)
    {
        var job = replay.Job;
        var page = replay.Page;
        Dictionary<string, CouponCodeState> codes;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await CartLogStore.ReadPageAsync(
                connection, job.Tenant, replay.Plan.From, replay.Plan.To, replay.Plan.Stores, replay.Position, Math.Max(1, options.BatchSize), page);
            codes = await CodeStatesAsync(connection, job.Tenant, page.CouponCodes());
        }

        // Each cart is read just before it is priced, so it and its results die young (docs/decisions/0711-compact-cart-log.md).
        var changedCodes = replay.Plan.Change.CodesOver(codes);
        for (var i = 0; i < page.Count; i++)
        {
            var logged = page.Read(i, replay.Texts);
            var loggedAt = page[i].LoggedAt;
            var at = DateTimeOffset.FromUnixTimeMilliseconds(logged.At ?? loggedAt);
            var before = PricingEngine.Evaluate(logged.Cart, at, replay.Stored, codes, explain: false);
            var after = PricingEngine.Evaluate(logged.Cart, at, replay.Changed, changedCodes, explain: false);
            replay.Tally.Add(logged.Cart, loggedAt, before, after);
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (page.Count == 0)
        {
            await SimulationStore.FinishAsync(database, job, replay.Owner, SimulationStatus.Done, null, now, cancellationToken);
            return false;
        }

        replay.Position = page[page.Count - 1];
        replay.Replayed += page.Count;
        return await SimulationStore.SaveProgressAsync(
            database, job, replay.Owner, replay.Position, replay.Replayed, JsonSerializer.Serialize(replay.Tally, SimulationJson.Default.SimulationTally),
            now, now + options.LeaseSeconds * 1000L, cancellationToken);
    }

    // The stored state of every code the batch's carts sent, now (docs/decisions/0704-simulations.md: codes,
    // limits and budgets are those of now).
    private static async Task<Dictionary<string, CouponCodeState>> CodeStatesAsync(System.Data.Common.DbConnection connection, string tenant, IEnumerable<string> codes)
    {
        var states = new Dictionary<string, CouponCodeState>(StringComparer.OrdinalIgnoreCase);
        // In chunks: SQLite finds each of a statement's parameters by name, so one statement with a page's thousands
        // of codes spent its time matching parameter names.
        foreach (var keys in codes.Select(CodeText.Key).Distinct(StringComparer.Ordinal).Chunk(CodesPerStatement))
        {
            var rows = await connection.QueryAsync<(string Code, string CouponId, long Active, long Redemptions)>(
                $"SELECT code, coupon_id, CASE WHEN active THEN 1 ELSE 0 END, redemptions FROM coupon_codes WHERE tenant = @tenant AND {SqlDialect.Of(connection).In("code_key", "keys")}",
                new { tenant, keys });
            foreach (var row in rows)
            {
                states[row.Code] = new CouponCodeState(row.Code, row.CouponId, row.Active != 0, (int)row.Redemptions);
            }
        }

        return states;
    }
}

/// <summary>A job being replayed by this worker: its catalogues, its running totals and where it is in the log.</summary>
public sealed class SimulationReplay(
    SimulationRunner runner, SimulationRow job, string owner, SimulationPlan plan, PromotionCatalog stored, PromotionCatalog changed,
    SimulationTally tally, LogPosition position, long replayed)
{
    public SimulationRow Job { get; } = job;

    public string Owner { get; } = owner;

    public SimulationPlan Plan { get; } = plan;

    public PromotionCatalog Stored { get; } = stored;

    public PromotionCatalog Changed { get; } = changed;

    public SimulationTally Tally { get; } = tally;

    public LogPosition Position { get; set; } = position;

    public long Replayed { get; set; } = replayed;

    /// <summary>The page being replayed, its buffer kept from batch to batch.</summary>
    public LoggedCartPage Page { get; } = new();

    /// <summary>The short texts read so far, shared by the carts read after them (a few thousand: stores, categories).</summary>
    public TextPool Texts { get; } = new(16_384);

    /// <summary>Replays and saves one batch; false when the job is done, cancelled or no longer this worker's.</summary>
    public Task<bool> NextBatchAsync(CancellationToken cancellationToken) => runner.NextBatchAsync(this, cancellationToken);
}
