using System.Text.Json.Nodes;

namespace Storewise.Api.Contracts;

/// <summary>One field an offer's write changed.</summary>
/// <param name="Field">The resource field, e.g. <c>validTo</c> or <c>category</c>.</param>
/// <param name="Before">Its value before the write; null on the first revision or when it was null.</param>
/// <param name="After">Its value after the write.</param>
public sealed record OfferFieldChange(string Field, JsonNode? Before, JsonNode? After);
