namespace Storewise.Api.SalesOrderConfig;

public enum OrderIdOutcome
{
    Allocated,
    NotConfigured,
    Exhausted,
}

/// <summary>The next order id, or why there is none.</summary>
public sealed record OrderIdResult(OrderIdOutcome Outcome, string? OrderId);
