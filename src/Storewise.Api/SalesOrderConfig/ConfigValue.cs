using System.Text.Json.Nodes;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>
/// A validated value in its canonical form (members in a fixed order, defaults filled in), with its
/// secret kept apart so the stored JSON never contains it. <see cref="Sequence"/> is set for the order id
/// sequence, which is stored differently (once, with its counter).
/// </summary>
public sealed record ConfigValue(JsonNode Value, string? Secret = null, OrderIdSequence? Sequence = null)
{
    public string ToJson() => Value.ToJsonString();
}
