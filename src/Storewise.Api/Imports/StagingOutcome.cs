namespace Storewise.Api.Imports;

/// <summary>How many rows the upload had (counting up to the first one over the limit).</summary>
public readonly record struct StagingOutcome(int Count, bool TooManyCodes);
