using System.Text.Json.Nodes;

namespace Storewise.BackOffice.Api;

/// <summary>One answer of the API: its status and its JSON body (null when it had none or it was not JSON).</summary>
public sealed record ApiAnswer(int Status, JsonNode? Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The error message of an error body (<c>message</c>, the API's shapes B and C).</summary>
    public string Message => Body?["message"]?.GetValue<string>() ?? $"the API answered {Status}";

    /// <summary>Every failure the answer lists (<c>causes</c>), or the message alone.</summary>
    public IReadOnlyList<string> Causes =>
        Body?["causes"] is JsonArray causes && causes.Count > 0
            ? [.. causes.Select(c => c?.GetValue<string>() ?? "")]
            : [Message];
}
