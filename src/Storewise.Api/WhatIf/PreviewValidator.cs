using Storewise.Api.Errors;
using Storewise.Api.Offers;

namespace Storewise.Api.WhatIf;

/// <summary>
/// Checks a <see cref="CartPreviewRequest"/> and turns it into a <see cref="CatalogueChange"/>. Inline offers
/// go through <see cref="OfferValidator"/> exactly as a create does, with each field named under
/// <c>{prefix}.offers[i]</c>.
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

            var offerErrors = new ValidationErrors();
            var stamp = new OfferStamp(OfferType.Promotion, id, tenant, "preview", now, user, now, user);
            var offer = OfferValidator.Validate(request, stamp, storedCategory: null, offerErrors);
            errors.AddNested(field + ".", offerErrors);
            if (offer is not null)
            {
                offers.Add(EngineOffers.From(offer));
            }
        }

        return errors.Causes.Count > before ? null : new CatalogueChange(include, exclude, offers);
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
