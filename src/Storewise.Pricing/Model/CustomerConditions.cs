namespace Storewise.Pricing;

/// <summary>
/// Customer attribute conditions beside the one <see cref="Offer.Segment"/>: every condition of <see cref="AllOf"/>
/// and, when <see cref="AnyOf"/> is not empty, at least one of it must hold (docs/pricing-semantics.md, "Time and audience").
/// </summary>
public sealed record CustomerConditions(IReadOnlyList<AttributeCondition> AllOf, IReadOnlyList<AttributeCondition> AnyOf);
