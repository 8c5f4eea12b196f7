namespace Storewise.Api.Redemptions;

/// <summary>A validated redemption: codes de-duplicated case-insensitively, in request order.</summary>
public sealed record Redemption(
    IReadOnlyList<string> Codes,
    string OrderId,
    string Currency,
    decimal CatalogTotal,
    string? ConsumerId,
    string? ChannelType);
