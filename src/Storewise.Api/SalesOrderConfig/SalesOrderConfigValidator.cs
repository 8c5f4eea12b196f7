using System.Text.Json;
using System.Text.Json.Nodes;
using Storewise.Api.Errors;
using static Storewise.Api.SalesOrderConfig.JsonValueReader;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>
/// Validates a write body <c>{"value": ...}</c> for one key (docs/spec.md §1.4, §5, §D10) and returns the value in
/// canonical form. Unknown members are ignored and not stored.
/// </summary>
public static class SalesOrderConfigValidator
{
    public const int DefaultWebhookTimeout = 15;
    public const int MaxWebhookTimeout = 25;
    private const int MaxUrlLength = 2048;
    private const int MaxApiKeyLength = 1024;
    private static readonly string[] LocationTypes = ["store", "dc"];

    public static ConfigValue? Parse(string key, JsonElement body, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object with a value member");
            return null;
        }

        if (Member(body, "value") is not { } value)
        {
            errors.Add("value", Required);
            return null;
        }

        return key switch
        {
            SalesOrderConfigKeys.ExternalOms => ExternalOms(value, errors),
            SalesOrderConfigKeys.OrderIdSequence => ParseSequence(value, errors) is { } sequence ? new ConfigValue(sequence.ToJson(), Sequence: sequence) : null,
            SalesOrderConfigKeys.OnHoldTimerDuration => OnHoldTimerDuration(value, errors),
            SalesOrderConfigKeys.CancellationAllowedFrom => CancellationAllowedFrom(value, errors),
            SalesOrderConfigKeys.BigSalesOrder => BigSalesOrder(value, errors),
            SalesOrderConfigKeys.ExternalOrderWebhook => ExternalOrderWebhook(value, errors),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown sales order configuration key"),
        };
    }

    /// <summary>The sequence as a record; prefix is optional (empty), size, start and step are required.</summary>
    private static OrderIdSequence? ParseSequence(JsonElement value, ValidationErrors errors)
    {
        if (!IsObject(value, "value", errors))
        {
            return null;
        }

        var prefix = String(value, "prefix", "value.prefix", required: false, errors) ?? "";
        if (prefix.Length > OrderIdSequence.MaxPrefixLength)
        {
            errors.Add("value.prefix", $"must be at most {OrderIdSequence.MaxPrefixLength} characters");
        }

        var size = Integer(value, "size", "value.size", required: true, 1, OrderIdSequence.MaxSize, errors);
        var start = Integer(value, "start", "value.start", required: true, 1, long.MaxValue, errors);
        var step = Integer(value, "step", "value.step", required: true, 1, long.MaxValue, errors);
        if (size is not null && start is not null && start > OrderIdSequence.LargestWithDigits((int)size))
        {
            errors.Add("value.start", $"does not fit in {size} digits");
        }

        return errors.Any ? null : new OrderIdSequence(prefix, (int)size!, start!.Value, step!.Value);
    }

    private static ConfigValue? ExternalOms(JsonElement value, ValidationErrors errors)
    {
        if (!IsObject(value, "value", errors))
        {
            return null;
        }

        var enabled = Boolean(value, "enabled", "value.enabled", required: true, errors);
        return enabled is null ? null : new ConfigValue(new JsonObject { ["enabled"] = enabled });
    }

    private static ConfigValue? OnHoldTimerDuration(JsonElement value, ValidationErrors errors)
    {
        var seconds = Integer(value, "value", 0, int.MaxValue, errors);
        return seconds is null ? null : new ConfigValue(JsonValue.Create(seconds.Value));
    }

    private static ConfigValue? CancellationAllowedFrom(JsonElement value, ValidationErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("value", ShouldBeArray);
            return null;
        }

        if (value.GetArrayLength() == 0)
        {
            errors.Add("value", "must not be empty");
            return null;
        }

        var locations = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"value[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(path, ShouldBeString);
            }
            else if (item.GetString() is not { } location || !LocationTypes.Contains(location, StringComparer.Ordinal))
            {
                errors.Add(path, "must be one of store, dc");
            }
            else if (!seen.Add(location))
            {
                errors.Add(path, $"duplicate location type {location}");
            }
            else
            {
                locations.Add(location);
            }
        }

        return errors.Any ? null : new ConfigValue(locations);
    }

    private static ConfigValue? BigSalesOrder(JsonElement value, ValidationErrors errors)
    {
        if (!IsObject(value, "value", errors))
        {
            return null;
        }

        var limit = Integer(value, "soft_limit_for_big_orders", "value.soft_limit_for_big_orders", required: true, 1, int.MaxValue, errors);
        return limit is null ? null : new ConfigValue(new JsonObject { ["soft_limit_for_big_orders"] = limit });
    }

    private static ConfigValue? ExternalOrderWebhook(JsonElement value, ValidationErrors errors)
    {
        if (!IsObject(value, "value", errors))
        {
            return null;
        }

        var url = String(value, "url", "value.url", required: true, errors);
        if (url is not null && !IsAbsoluteHttpUrl(url))
        {
            errors.Add("value.url", $"must be a non-empty absolute http(s) URI of at most {MaxUrlLength} characters");
        }

        var apiKey = String(value, "api_key", "value.api_key", required: true, errors);
        if (apiKey is not null && (apiKey.Length == 0 || apiKey.Length > MaxApiKeyLength))
        {
            errors.Add("value.api_key", $"must be a non-empty string of at most {MaxApiKeyLength} characters");
        }

        var timeout = Integer(value, "timeout", "value.timeout", required: false, 1, MaxWebhookTimeout, errors);
        if (errors.Any)
        {
            return null;
        }

        var stored = new JsonObject { ["url"] = url, ["timeout"] = timeout ?? DefaultWebhookTimeout };
        return new ConfigValue(stored, apiKey);
    }

    private static bool IsAbsoluteHttpUrl(string url) =>
        url.Length is > 0 and <= MaxUrlLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
