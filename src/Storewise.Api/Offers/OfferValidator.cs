using System.Text.Json.Nodes;
using Storewise.Api.Errors;
using Storewise.Pricing;

namespace Storewise.Api.Offers;

/// <summary>
/// Checks a create or update body against docs/spec.md §2 and §6 and turns it into the <see cref="OfferDocument"/> to
/// store. Every problem names its field; all problems are reported at once.
/// </summary>
public static class OfferValidator
{
    public const int MaxConsumers = 10_000;

    /// <summary>
    /// Validates <paramref name="request"/> into the offer <paramref name="stamp"/> identifies. For an update,
    /// <paramref name="storedCategory"/> is the category already stored: it is the one used, and the caller has
    /// checked that the request does not change it.
    /// </summary>
    public static OfferDocument? Validate(OfferRequest request, OfferStamp stamp, OfferCategory? storedCategory, ValidationErrors errors)
    {
        var type = stamp.Type;
        if (request.Codes is not null)
        {
            // Only a preview's inline coupon takes codes, and it hands them over before validating the offer.
            errors.Add("codes", "codes are created with POST /v0/promotions/coupon/{id}/code; only a preview's inline coupon takes them here");
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "is required and must not be blank");
        }

        var validFrom = ReadTime(request.ValidFrom, "validFrom", required: true, request.LocalizedTimezone, errors);
        var validTo = ReadTime(request.ValidTo, "validTo", required: false, request.LocalizedTimezone, errors);
        if (validFrom is not null && validTo is not null && validTo.Instant < validFrom.Instant)
        {
            errors.Add("validTo", "must not be before validFrom");
        }

        var category = storedCategory ?? ReadCategory(request.Category, type, request.Buy is not null && request.Get is not null, errors);
        var currencies = ReadCurrencies(request.Currencies, type, errors);
        if (category is not null && OfferKinds.IsFixed(category.OfferKind) && !OfferKinds.IsGift(category.OfferKind))
        {
            CheckAmountsCoverCurrencies(category, currencies, errors);
        }

        var stores = ReadStrings(request.Stores, "stores", errors);
        var segment = ReadSegment(request.Segment, errors);
        IReadOnlyList<string> consumers = [];
        string? externalId = null;
        if (type == OfferType.Coupon)
        {
            consumers = ReadStrings(request.Consumers, "consumers", errors);
            if (consumers.Count > MaxConsumers)
            {
                errors.Add("consumers", $"must have at most {MaxConsumers} entries");
            }

            if (request.ExternalId is not null && string.IsNullOrWhiteSpace(request.ExternalId))
            {
                errors.Add("externalId", "must not be blank (omit it or send null instead)");
            }

            externalId = request.ExternalId;
        }

        var singleUse = type == OfferType.Coupon && (request.SingleUse ?? false);
        var limits = UsageLimitsReader.ReadLimits(request.Limits, type, singleUse, errors);
        var budget = UsageLimitsReader.ReadBudget(request.Budget, currencies, errors);
        var timeZone = UsageLimitsReader.ReadTimeZone(request.TimeZone, errors);
        var rewards = category is null ? null : RewardsReader.Read(request, category, currencies, errors);
        var schedule = AudienceReader.ReadSchedule(request.Schedule, errors);
        var channelTypes = AudienceReader.ReadChannelTypes(request.ChannelTypes, errors);
        var customerConditions = AudienceReader.ReadCustomerConditions(request.CustomerConditions, errors);
        var minimumQuantity = AudienceReader.ReadMinimumQuantity(request.MinimumQuantity, errors);
        if (errors.Any)
        {
            return null;
        }

        return new OfferDocument(
            type,
            stamp.Id,
            request.Name!,
            request.Description,
            request.Active ?? false,
            validFrom!,
            validTo,
            request.LocalizedTimezone,
            category!,
            currencies,
            stores,
            request.Exclusive ?? false,
            segment,
            singleUse,
            consumers,
            externalId,
            stamp.Tenant,
            stamp.Version,
            stamp.CreatedAt,
            stamp.CreatedBy,
            stamp.UpdatedAt,
            stamp.UpdatedBy,
            limits,
            budget,
            timeZone,
            rewards,
            schedule,
            channelTypes,
            customerConditions,
            minimumQuantity);
    }

    private static ValidityTime? ReadTime(string? text, string field, bool required, bool? localizedTimezone, ValidationErrors errors)
    {
        if (text is null)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return null;
        }

        if (!ValidityTime.TryParse(text, out var time))
        {
            errors.Add(field, "must be a date-time like 2023-11-01T00:00:00 or 2023-11-01T00:00:00+01:00");
            return null;
        }

        if (localizedTimezone == false && !time.HasOffset)
        {
            errors.Add(field, "needs a time zone offset (Z or ±hh:mm) when localizedTimezone is false");
            return null;
        }

        return time;
    }

    private static OfferCategory? ReadCategory(JsonNode? node, OfferType type, bool targetedBySets, ValidationErrors errors)
    {
        if (node is null)
        {
            errors.Add("category", "is required");
            return null;
        }

        if (node is not JsonObject raw)
        {
            errors.Add("category", "must be an object with a kind");
            return null;
        }

        return CategoryReader.Read(raw, type, errors, targetedBySets);
    }

    private static List<OfferCurrency> ReadCurrencies(IReadOnlyList<CurrencyRequest?>? entries, OfferType type, ValidationErrors errors)
    {
        var currencies = new List<OfferCurrency>();
        if (entries is null || entries.Count == 0)
        {
            if (type == OfferType.Coupon)
            {
                errors.Add("currencies", "is required: at least one {code, minimumCartValue}");
            }

            return currencies;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry is null)
            {
                errors.Add($"currencies[{i}]", "must be an object {code, minimumCartValue}");
                continue;
            }

            if (entry.Code is null || !CurrencyCodes.IsWellFormed(entry.Code))
            {
                errors.Add($"currencies[{i}].code", "must be a 3-letter ISO 4217 code");
                continue;
            }

            if (currencies.Any(c => CurrencyCodes.SameCode(c.Code, entry.Code)))
            {
                errors.Add($"currencies[{i}].code", $"{entry.Code} is listed twice");
                continue;
            }

            if (entry.MinimumCartValue < 0)
            {
                errors.Add($"currencies[{i}].minimumCartValue", "must be at least 0");
                continue;
            }

            currencies.Add(new OfferCurrency(entry.Code, entry.MinimumCartValue));
        }

        return currencies;
    }

    // docs/spec.md §6: a fixed kind needs an amount for every currency it accepts (a scalar discount covers them all).
    private static void CheckAmountsCoverCurrencies(OfferCategory category, List<OfferCurrency> currencies, ValidationErrors errors)
    {
        if (category.Discount is not null)
        {
            return;
        }

        foreach (var currency in currencies)
        {
            if (!category.Discounts.Any(d => CurrencyCodes.SameCode(d.Currency, currency.Code)))
            {
                errors.Add("category.discounts", $"has no amount for {currency.Code}, which is listed in currencies");
            }
        }
    }

    private static List<string> ReadStrings(IReadOnlyList<string?>? values, string field, ValidationErrors errors)
    {
        var result = new List<string>();
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            if (string.IsNullOrEmpty(values[i]))
            {
                errors.Add($"{field}[{i}]", "must be a non-empty string");
                continue;
            }

            result.Add(values[i]!);
        }

        return result;
    }

    private static OfferSegment? ReadSegment(SegmentRequest? segment, ValidationErrors errors)
    {
        if (segment is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(segment.Key))
        {
            errors.Add("segment.key", "is required when a segment is given");
        }

        if (segment.Value is null)
        {
            errors.Add("segment.value", "is required when a segment is given");
        }

        if (segment.Schema is null)
        {
            errors.Add("segment.schema", "is required when a segment is given");
        }

        return string.IsNullOrEmpty(segment.Key) || segment.Value is null || segment.Schema is null
            ? null
            : new OfferSegment(segment.Key, segment.Value, segment.Schema.Value);
    }
}
