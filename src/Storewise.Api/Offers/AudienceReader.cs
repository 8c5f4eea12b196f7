using System.Globalization;
using Storewise.Api.Errors;

namespace Storewise.Api.Offers;

/// <summary>
/// Validates an offer's <c>schedule</c>, <c>channelTypes</c>, <c>customerConditions</c> and <c>minimumQuantity</c>
/// (docs/pricing-semantics.md, "Time and audience"); every problem names its field. All are optional.
/// </summary>
public static class AudienceReader
{
    public const int MaxWindows = 50;
    public const int MaxChannelTypes = 20;
    public const int MaxConditions = 50;
    public const int MaxConditionValues = 1_000;

    public static IReadOnlyList<OfferScheduleWindow>? ReadSchedule(IReadOnlyList<ScheduleWindowRequest?>? schedule, ValidationErrors errors)
    {
        if (schedule is null || schedule.Count == 0)
        {
            return null;
        }

        if (schedule.Count > MaxWindows)
        {
            errors.Add("schedule", $"must have at most {MaxWindows} windows");
            return null;
        }

        var windows = new List<OfferScheduleWindow>(schedule.Count);
        for (var i = 0; i < schedule.Count; i++)
        {
            var field = $"schedule[{i}]";
            var window = schedule[i];
            if (window is null)
            {
                errors.Add(field, "must be an object {days, from, to}");
                continue;
            }

            var days = window.Days;
            if (days is not { Count: > 0 } || days.Distinct().Count() != days.Count || days.Any(d => !Enum.IsDefined(d)))
            {
                errors.Add(field + ".days", "needs at least one of Mon, Tue, Wed, Thu, Fri, Sat, Sun, each once");
                days = null;
            }

            var from = ReadClock(window.From, field + ".from", errors);
            var to = ReadClock(window.To, field + ".to", errors);
            if (from is not null && from == to)
            {
                errors.Add(field + ".to", "must differ from from (a window earlier than from closes the next day)");
                to = null;
            }

            if (days is not null && from is not null && to is not null)
            {
                windows.Add(new OfferScheduleWindow([.. days], window.From!, window.To!));
            }
        }

        return windows;
    }

    public static IReadOnlyList<string>? ReadChannelTypes(IReadOnlyList<string?>? channelTypes, ValidationErrors errors)
    {
        if (channelTypes is null || channelTypes.Count == 0)
        {
            return null;
        }

        if (channelTypes.Count > MaxChannelTypes)
        {
            errors.Add("channelTypes", $"must have at most {MaxChannelTypes} entries");
            return null;
        }

        var result = new List<string>(channelTypes.Count);
        for (var i = 0; i < channelTypes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(channelTypes[i]))
            {
                errors.Add($"channelTypes[{i}]", "must be a non-blank string");
            }
            else if (!result.Contains(channelTypes[i]!, StringComparer.Ordinal))
            {
                result.Add(channelTypes[i]!);
            }
        }

        return result;
    }

    public static OfferCustomerConditions? ReadCustomerConditions(CustomerConditionsRequest? conditions, ValidationErrors errors)
    {
        if (conditions is null)
        {
            return null;
        }

        var allOf = ReadConditions(conditions.AllOf, "customerConditions.allOf", errors);
        var anyOf = ReadConditions(conditions.AnyOf, "customerConditions.anyOf", errors);
        if (allOf.Count + anyOf.Count == 0)
        {
            errors.Add("customerConditions", "needs at least one condition in allOf or anyOf (omit it for everyone)");
        }
        else if (allOf.Count + anyOf.Count > MaxConditions)
        {
            errors.Add("customerConditions", $"must have at most {MaxConditions} conditions in all");
        }

        return new OfferCustomerConditions(allOf, anyOf);
    }

    public static int? ReadMinimumQuantity(int? minimumQuantity, ValidationErrors errors)
    {
        if (minimumQuantity is < 1)
        {
            errors.Add("minimumQuantity", "must be at least 1 (omit it for no minimum)");
        }

        return minimumQuantity;
    }

    private static TimeOnly? ReadClock(string? text, string field, ValidationErrors errors)
    {
        if (text is null || text.Length != 5
            || !TimeOnly.TryParseExact(text, "HH':'mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(field, "is required: a local time HH:mm from 00:00 to 23:59");
            return null;
        }

        return time;
    }

    private static List<OfferAttributeCondition> ReadConditions(IReadOnlyList<AttributeConditionRequest?>? entries, string field, ValidationErrors errors)
    {
        var result = new List<OfferAttributeCondition>();
        for (var i = 0; entries is not null && i < entries.Count && i <= MaxConditions; i++)
        {
            var name = $"{field}[{i}]";
            var entry = entries[i];
            if (entry is null)
            {
                errors.Add(name, "must be an object {key, value} or {key, values}");
                continue;
            }

            if (string.IsNullOrEmpty(entry.Key))
            {
                errors.Add(name + ".key", "is required");
                continue;
            }

            if ((entry.Value is null) == (entry.Values is null))
            {
                errors.Add(name, "needs exactly one of value or values");
                continue;
            }

            if (entry.Values is { } values && (values.Count == 0 || values.Count > MaxConditionValues || values.Any(v => v is null)))
            {
                errors.Add(name + ".values", $"must be 1 to {MaxConditionValues} strings");
                continue;
            }

            result.Add(new OfferAttributeCondition(entry.Key) { Value = entry.Value, Values = entry.Values is null ? null : [.. entry.Values!.Select(v => v!)] });
        }

        return result;
    }
}
