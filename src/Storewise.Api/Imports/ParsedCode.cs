namespace Storewise.Api.Imports;

/// <summary>One non-blank line of an uploaded CSV: its line number, its code text and, when unusable, why.</summary>
public readonly record struct ParsedCode(long Line, string Code, string? Error);
