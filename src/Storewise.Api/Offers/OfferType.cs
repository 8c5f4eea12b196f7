namespace Storewise.Api.Offers;

/// <summary>The two kinds of offer kept in the <c>offers</c> table.</summary>
public enum OfferType
{
    /// <summary>An automatic promotion: applies without a code.</summary>
    Promotion,

    /// <summary>A coupon: applies through one of its codes.</summary>
    Coupon,
}

public static class OfferTypes
{
    /// <summary>The value of the <c>offers.type</c> column, also the resource name in bodies and links.</summary>
    public static string Name(this OfferType type) => type == OfferType.Coupon ? "coupon" : "promotion";

    /// <summary>The resource path relative to the service prefix, e.g. <c>/coupon</c>.</summary>
    public static string Path(this OfferType type) => "/" + type.Name();

    public static OfferType Parse(string name) => name switch
    {
        "coupon" => OfferType.Coupon,
        "promotion" => OfferType.Promotion,
        _ => throw new FormatException($"unknown offer type '{name}'"),
    };
}
