namespace Storewise.Pricing;

/// <summary>A product a FreeGift offer gives, and how many units per application.</summary>
public sealed record GiftItem(string ProductId, int Quantity);
