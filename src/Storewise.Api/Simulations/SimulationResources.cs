using System.Text.Json;
using Storewise.Api.Carts;
using Storewise.Api.Common;

namespace Storewise.Api.Simulations;

/// <summary>Builds the <see cref="SimulationResource"/> of a stored job.</summary>
public static class SimulationResources
{
    public static SimulationResource From(SimulationRow row, SimulationPlan? plan = null)
    {
        var request = JsonSerializer.Deserialize(row.Request, SimulationJson.Default.SimulationRequest)!;
        var tally = row.Tally is null ? null : JsonSerializer.Deserialize(row.Tally, SimulationJson.Default.SimulationTally);
        return new SimulationResource(
            row.Id,
            row.Status,
            request.From!,
            request.To!,
            plan?.Stores ?? [.. (request.Stores ?? []).OfType<string>()],
            new SimulationProgress(row.Replayed, row.Total),
            row.Error,
            Time(row.CreatedAt),
            row.CreatedBy,
            Time(row.UpdatedAt),
            row.FinishedAt is { } finished ? Time(finished) : null,
            tally?.Currencies.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Outcome(c.Key, c.Value)).ToList());
    }

    private static CurrencyOutcome Outcome(string currency, CurrencyTally tally)
    {
        decimal M(decimal amount) => Money.Normalise(amount, currency);
        return new CurrencyOutcome(
            currency,
            tally.Carts,
            tally.Changed,
            M(tally.DiscountBefore),
            M(tally.DiscountAfter),
            [.. tally.Offers.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new OfferOutcome(
                o.Key, o.Value.Name, o.Value.Source, o.Value.CartsBefore, o.Value.CartsAfter, M(o.Value.AmountBefore), M(o.Value.AmountAfter)))],
            [.. tally.Top.Select(t => new ChangedCart(
                Time(t.LoggedAt), t.StoreId, t.CustomerId, M(t.TotalBefore), M(t.TotalAfter), M(t.DiscountBefore), M(t.DiscountAfter)))]);
    }

    private static string Time(long unixMs) => Timestamps.Rfc3339(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));
}
