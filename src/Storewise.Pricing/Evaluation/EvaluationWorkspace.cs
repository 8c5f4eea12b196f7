namespace Storewise.Pricing;

/// <summary>
/// Per-thread working memory for evaluations, reused so that pricing a cart allocates little beyond its result.
/// Each part has one writer: the cart lines are written when loaded, participants by candidate collection and
/// coupon resolution (outcomes by scenario selection), code outcomes by coupon resolution, entries by scenario
/// selection; the stages' own temporaries stay private to them. Nothing in here outlives a call to
/// <see cref="PricingEngine"/>.
/// </summary>
internal sealed class EvaluationWorkspace
{
    [ThreadStatic]
    private static EvaluationWorkspace? current;

    public CartLineTable Lines { get; } = new();

    public PromotionCandidates Candidates { get; } = new();

    public ParticipantSet Participants { get; } = new();

    public CodeOutcomes Codes { get; } = new();

    public EntryLog Entries { get; } = new();

    public ScenarioSelection Scenarios { get; } = new();

    public ResultAssembly Results { get; } = new();

    public CouponIncrement Coupons { get; } = new();

    public static EvaluationWorkspace ForCurrentThread() => current ??= new EvaluationWorkspace();

    /// <summary>Drops references to caller objects so the workspace does not keep a cart alive.</summary>
    public void End()
    {
        Lines.Clear();
        Participants.Clear();
        Codes.Clear();
        Results.Clear();
    }
}
