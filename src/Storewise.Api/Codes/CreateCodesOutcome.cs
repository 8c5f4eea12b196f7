namespace Storewise.Api.Codes;

/// <summary>The codes created, or the first code that already exists (then nothing was created).</summary>
public sealed record CreateCodesOutcome(IReadOnlyList<CodeRow> Created, string? ExistingCode);
