namespace Storewise.Api.Contracts;

/// <summary>An automatic promotion as the API returns it.</summary>
public sealed record PromotionResource : OfferResource;
