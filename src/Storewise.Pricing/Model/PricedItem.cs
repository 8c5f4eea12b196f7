namespace Storewise.Pricing;

/// <summary>A cart line with its discounts in the order they were applied.</summary>
public sealed record PricedItem(CartItem Item, IReadOnlyList<AppliedDiscount> Discounts, decimal TotalDiscount, decimal Total);
