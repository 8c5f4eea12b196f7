using Storewise.Api.Common;
using Storewise.Api.Errors;
using Storewise.Api.WhatIf;

namespace Storewise.Api.Simulations;

/// <summary>A checked <see cref="SimulationRequest"/>: the range in Unix ms, the stores and the change.</summary>
public sealed record SimulationPlan(long From, long To, IReadOnlyList<string> Stores, CatalogueChange Change)
{
    public const int MaxStores = 1_000;

    /// <summary>
    /// Checks the request, naming each bad field; the job's worker checks the stored request again with the same
    /// rules, so a job always runs what was accepted.
    /// </summary>
    public static SimulationPlan? Check(SimulationRequest request, string tenant, string user, DateTimeOffset now, ValidationErrors errors)
    {
        var from = Instant(request.From, "from", errors);
        var to = Instant(request.To, "to", errors);
        if (from is not null && to is not null && to <= from)
        {
            errors.Add("to", "must be after from");
        }

        var stores = new List<string>();
        if (request.Stores is { Count: > MaxStores })
        {
            errors.Add("stores", $"at most {MaxStores} stores are allowed");
        }

        for (var i = 0; request.Stores is not null && i < request.Stores.Count && i < MaxStores; i++)
        {
            if (string.IsNullOrEmpty(request.Stores[i]))
            {
                errors.Add($"stores[{i}]", "must be a non-empty string");
                continue;
            }

            stores.Add(request.Stores[i]!);
        }

        var change = request.Preview is null
            ? new CatalogueChange([], [], [], new Dictionary<string, Pricing.CouponCodeState>())
            : PreviewValidator.Validate(request.Preview, "preview", tenant, user, now, errors);
        return errors.Any ? null : new SimulationPlan(from!.Value.ToUnixTimeMilliseconds(), to!.Value.ToUnixTimeMilliseconds(), stores, change!);
    }

    private static DateTimeOffset? Instant(string? text, string field, ValidationErrors errors)
    {
        if (text is null)
        {
            errors.Add(field, "is required: an RFC 3339 date-time, e.g. 2025-06-01T00:00:00Z");
            return null;
        }

        if (!Instants.TryParse(text, out var instant))
        {
            errors.Add(field, "must be an RFC 3339 date-time with an offset, e.g. 2025-06-01T00:00:00Z");
            return null;
        }

        return instant;
    }
}
