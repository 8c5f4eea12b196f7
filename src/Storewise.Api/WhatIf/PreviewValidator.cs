using Storewise.Api.Codes;
using Storewise.Api.Errors;
using Storewise.Api.Offers;

namespace Storewise.Api.WhatIf;

/// <summary>
/// Checks a <see cref="CartPreviewRequest"/> and turns it into a <see cref="CatalogueChange"/>. Inline offers
/// go through <see cref="OfferValidator"/> exactly as a create does, with each field named under
/// <c>{prefix}.offers[i]</c>; one with <c>codes</c> is a coupon (docs/decisions/0708-inline-coupon-previews.md).
/// </summary>
public static class PreviewValidator
{
    public const int MaxOffers = 100;
    public const int MaxIds = 1_000;

    public static CatalogueChange? Validate(CartPreviewRequest preview, string prefix, string tenant, string user, DateTimeOffset now, ValidationErrors errors)
    {
        var before = errors.Causes.Count;
        var include = ReadIds(preview.Include, $"{prefix}.include", errors);
        var exclude = ReadIds(preview.Exclude, $"{prefix}.exclude", errors);
        for (var i = 0; i < exclude.Count; i++)
        {
            if (include.Contains(exclude[i]))
            {
                errors.Add($"{prefix}.exclude[{i}]", $"'{exclude[i]}' is also in {prefix}.include");
            }
        }

        var offers = new List<Pricing.Offer>();
        var requests = preview.Offers ?? [];
        if (requests.Count > MaxOffers)
        {
            errors.Add($"{prefix}.offers", $"at most {MaxOffers} offers are allowed");
            requests = [];
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var codes = new Dictionary<string, Pricing.CouponCodeState>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < requests.Count; i++)
        {
            var field = $"{prefix}.offers[{i}]";
            if (requests[i] is not { } request)
            {
                errors.Add(field, "must be an object");
                continue;
            }

            var id = string.IsNullOrEmpty(request.Id) ? $"preview-{i}" : request.Id;
            if (!ids.Add(id))
            {
                errors.Add($"{field}.id", $"'{id}' is used by another inline offer");
                continue;
            }

            var type = request.Codes is null ? OfferType.Promotion : OfferType.Coupon;
            if (request.Codes is { } inlineCodes)
            {
                ReadCodes(inlineCodes, id, $"{field}.codes", codes, errors);
            }

            var offerErrors = new ValidationErrors();
            var stamp = new OfferStamp(type, id, tenant, "preview", now, user, now, user);
            var offer = OfferValidator.Validate(request with { Codes = null }, stamp, storedCategory: null, offerErrors);
            errors.AddNested(field + ".", offerErrors);
            if (offer is not null)
            {
                offers.Add(EngineOffers.From(offer));
            }
        }

        return errors.Causes.Count > before ? null : new CatalogueChange(include, exclude, offers, codes);
    }

    // An inline coupon's codes: valid code texts, each used by one inline coupon only; each is a fresh code of it,
    // active and never redeemed, as a stored coupon's new code would be.
    private static void ReadCodes(IReadOnlyList<string?> values, string couponId, string field, Dictionary<string, Pricing.CouponCodeState> codes, ValidationErrors errors)
    {
        if (values.Count is 0 or > MaxIds)
        {
            errors.Add(field, $"must hold 1 to {MaxIds} codes");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (CodeText.Problem(values[i]) is { } problem)
            {
                errors.Add($"{field}[{i}]", problem);
            }
            else if (!codes.TryAdd(values[i]!, new Pricing.CouponCodeState(values[i]!, couponId, Active: true, Redemptions: 0)))
            {
                errors.Add($"{field}[{i}]", $"'{values[i]}' is a code of another inline coupon");
            }
        }
    }

    private static List<string> ReadIds(IReadOnlyList<string?>? values, string field, ValidationErrors errors)
    {
        var ids = new List<string>();
        if (values is not null && values.Count > MaxIds)
        {
            errors.Add(field, $"at most {MaxIds} ids are allowed");
            return ids;
        }

        for (var i = 0; values is not null && i < values.Count; i++)
        {
            if (string.IsNullOrEmpty(values[i]))
            {
                errors.Add($"{field}[{i}]", "must be a non-empty string");
                continue;
            }

            ids.Add(values[i]!);
        }

        return ids;
    }
}
