namespace Storewise.Pricing;

/// <summary>One recorded discount: <see cref="Line"/> is -1 for shipping.</summary>
internal readonly record struct AppliedEntry(int Participant, int Line, long Amount);
