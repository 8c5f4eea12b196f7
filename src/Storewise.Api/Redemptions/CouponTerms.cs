using System.Text.Json;

namespace Storewise.Api.Redemptions;

/// <summary>The parts of a stored coupon document (SPEC 1.3, camelCase) that decide whether a code may be redeemed.</summary>
public sealed record CouponTerms(bool SingleUse, IReadOnlyList<CurrencyTerm> Currencies, IReadOnlyList<string> Consumers)
{
    public static CouponTerms Parse(string document)
    {
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        var singleUse = root.TryGetProperty("singleUse", out var s) && s.ValueKind == JsonValueKind.True;
        var currencies = new List<CurrencyTerm>();
        if (root.TryGetProperty("currencies", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                {
                    var minimum = entry.TryGetProperty("minimumCartValue", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDecimal() : 0m;
                    currencies.Add(new CurrencyTerm(code.GetString()!, minimum));
                }
            }
        }

        var consumers = new List<string>();
        if (root.TryGetProperty("consumers", out var people) && people.ValueKind == JsonValueKind.Array)
        {
            consumers.AddRange(people.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!));
        }

        return new CouponTerms(singleUse, currencies, consumers);
    }
}

/// <summary>A currency the coupon accepts and the least catalog total it needs in it (absent = 0).</summary>
public sealed record CurrencyTerm(string Code, decimal MinimumCartValue);
