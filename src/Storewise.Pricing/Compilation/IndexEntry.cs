namespace Storewise.Pricing;

/// <summary>
/// One promotion in a list of the index, with its prefilter window (as <see cref="PromotionCatalog.ValidFromTicks"/>
/// and <see cref="PromotionCatalog.ValidToTicks"/>) beside it: a cart walks each list in order and skips what is not
/// current without reading the catalogue-wide arrays at scattered places, which at 100,000 promotions missed the
/// cache on nearly every entry (docs/decisions/0515-index-entries-carry-validity.md).
/// </summary>
internal readonly record struct IndexEntry(int Offer, long ValidFrom, long ValidTo);
