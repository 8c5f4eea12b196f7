namespace Storewise.Api.Offers;

/// <summary>Behaviour switches of the promotion and coupon resources (configuration section <c>Offers</c>).</summary>
public sealed class OffersOptions
{
    public const string Section = "Offers";

    /// <summary>
    /// Show the name as <c>description</c> when the client sent none, as the vendor's samples do (docs/spec.md §8 #24).
    /// The stored description stays null either way.
    /// </summary>
    public bool NameAsMissingDescription { get; set; } = true;
}
