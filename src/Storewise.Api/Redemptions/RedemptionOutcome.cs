namespace Storewise.Api.Redemptions;

/// <summary>A redemption's result: the receipt, or the failures (the first decides the status; all are the causes).</summary>
public sealed record RedemptionOutcome(RedemptionReceipt? Receipt, IReadOnlyList<RedemptionFailure> Failures)
{
    public static RedemptionOutcome Succeeded(RedemptionReceipt receipt) => new(receipt, []);

    public static RedemptionOutcome Failed(IReadOnlyList<RedemptionFailure> failures) => new(null, failures);
}
