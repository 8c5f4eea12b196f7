using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Storewise.Api.Contracts;

/// <summary>The body of a sales-order configuration write: <c>{"value": ...}</c>, the value's shape depending on the key.</summary>
public sealed record ConfigValueRequest
{
    [Description("The new value: a number, a boolean, a string, an array or an object, as the key takes.")]
    public required JsonNode Value { get; init; }
}
