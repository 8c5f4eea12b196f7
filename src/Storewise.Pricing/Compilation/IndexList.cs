namespace Storewise.Pricing;

/// <summary>The kinds of list in a catalogue's promotion index.</summary>
internal enum IndexList
{
    /// <summary>Promotions found through a product id.</summary>
    Product,

    /// <summary>Promotions found through a category path prefix.</summary>
    Category,

    /// <summary>Cart-level promotions restricted to a store.</summary>
    Store,

    /// <summary>Cart-level promotions every cart looks at.</summary>
    CartWide,
}
