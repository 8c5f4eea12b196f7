namespace Storewise.Pricing;

/// <summary>A customer attribute condition: the cart's attribute <see cref="Key"/> must equal one of <see cref="Values"/> (exact, case-sensitive).</summary>
public sealed record AttributeCondition(string Key, IReadOnlyList<string> Values);
