using System.Globalization;
using System.Text;
using Microsoft.OpenApi;
using Storewise.Api.Codes;
using Storewise.Api.Errors;
using Storewise.Api.Hosting;
using Storewise.Pricing;

namespace Storewise.Api.Offers;

/// <summary>
/// The filters of the promotion and coupon lists (docs/spec.md §1.3 "List coupons query"): <c>name</c> and <c>code</c>
/// (comma-separated, case-insensitive), <c>active</c>, <c>validFrom</c> (offers starting at or after it),
/// <c>validTo</c> (offers ending at or before it; open-ended offers never match), <c>kind[]</c> (repeatable)
/// and <c>segment</c> (the segment key or value, exact). <c>code</c> is for coupons only;
/// <c>partial-category</c> is accepted and ignored (docs/spec.md §7, Sep 2024).
/// </summary>
public sealed record OfferListFilter(
    IReadOnlyList<string> NameKeys,
    IReadOnlyList<string> CodeKeys,
    bool? Active,
    ValidityTime? ValidFrom,
    ValidityTime? ValidTo,
    IReadOnlyList<string> Kinds,
    string? Segment)
{
    /// <summary>The filters of the list of <paramref name="type"/> as the OpenAPI document states them.</summary>
    public static IReadOnlyList<QueryParameter> Parameters(OfferType type)
    {
        var kinds = type.Kinds().Select(k => k.WireName()).ToList();
        List<QueryParameter> parameters =
        [
            new("name", JsonSchemaType.String, "Names to match, comma-separated; case-insensitive, exact."),
            new("active", JsonSchemaType.Boolean, "Only active (true) or only inactive (false) offers."),
            new("validFrom", JsonSchemaType.String, "Only offers starting at or after this time (yyyy-MM-ddTHH:mm:ss, optionally with Z or ±hh:mm).") { Pattern = ValidityTime.Pattern },
            new("validTo", JsonSchemaType.String, "Only offers ending at or before this time (same form as validFrom); open-ended offers never match.") { Pattern = ValidityTime.Pattern },
            new("kind[]", JsonSchemaType.String, "Category kinds to match; repeat the parameter or separate kinds with commas.") { Values = kinds, Repeatable = true },
            new("kind", JsonSchemaType.String, "The same filter as kind[], under the name without brackets.") { Values = kinds, Repeatable = true },
            new("segment", JsonSchemaType.String, "Only offers limited to this segment, given by its key or its value (exact)."),
            new("partial-category", JsonSchemaType.String, "Accepted for compatibility and ignored.") { Ignored = true },
        ];
        if (type == OfferType.Coupon)
        {
            parameters.Insert(1, new("code", JsonSchemaType.String, "Coupon codes to match, comma-separated; case-insensitive."));
        }

        return parameters;
    }

    public static bool TryParse(IQueryCollection query, OfferType type, out OfferListFilter filter, out IResult? error)
    {
        filter = null!;
        var errors = new ValidationErrors();
        var names = SplitList(query["name"]).Select(Offers.NameKeys.For).ToList();
        var codes = type == OfferType.Coupon ? SplitList(query["code"]).Select(CodeText.Key).ToList() : [];

        bool? active = null;
        if (query.TryGetValue("active", out var activeText))
        {
            if (bool.TryParse(activeText.ToString(), out var parsed))
            {
                active = parsed;
            }
            else
            {
                errors.Add("active", "must be true or false");
            }
        }

        var validFrom = ReadTime(query, "validFrom", errors);
        var validTo = ReadTime(query, "validTo", errors);

        var allowed = type.Kinds();
        var kinds = SplitList([.. query["kind[]"], .. query["kind"]]).Distinct(StringComparer.Ordinal).ToList();
        foreach (var kind in kinds.Where(k => !OfferKinds.TryParse(k, out var known) || !allowed.Contains(known)))
        {
            errors.Add("kind[]", $"'{kind}' is not one of {string.Join(", ", allowed.Select(k => k.WireName()))}");
        }

        var segment = query["segment"].ToString();
        if (errors.Any)
        {
            error = errors.ToResult();
            return false;
        }

        error = null;
        filter = new OfferListFilter(names, codes, active, validFrom, validTo, kinds, segment.Length == 0 ? null : segment);
        return true;
    }

    /// <summary>
    /// The filter as text, equal for two filters only when they select the same offers; each part is length-prefixed,
    /// so no name or segment can pass for another part. It names the list's kept shape (docs/decisions/0512-keyset-paging.md).
    /// </summary>
    public string Key()
    {
        var key = new StringBuilder();
        void Part(string? value) => key.Append(value?.Length ?? -1).Append(':').Append(value).Append(';');
        key.Append(NameKeys.Count).Append('n');
        foreach (var name in NameKeys)
        {
            Part(name);
        }

        key.Append(CodeKeys.Count).Append('c');
        foreach (var code in CodeKeys)
        {
            Part(code);
        }

        key.Append(Kinds.Count).Append('k');
        foreach (var kind in Kinds)
        {
            Part(kind);
        }

        Part(Active?.ToString());
        Part(ValidFrom?.UnixMs.ToString(CultureInfo.InvariantCulture));
        Part(ValidTo?.UnixMs.ToString(CultureInfo.InvariantCulture));
        Part(Segment);
        return key.ToString();
    }

    private static List<string> SplitList(IEnumerable<string?> values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    private static ValidityTime? ReadTime(IQueryCollection query, string name, ValidationErrors errors)
    {
        if (!query.TryGetValue(name, out var text) || text.ToString().Length == 0)
        {
            return null;
        }

        if (!ValidityTime.TryParse(text.ToString(), out var time))
        {
            errors.Add(name, "must be a date-time like 2023-09-03T00:00:00 or 2023-09-03T00:00:00+01:00");
            return null;
        }

        return time;
    }
}
