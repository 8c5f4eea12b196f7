namespace Storewise.Api.Offers;

/// <summary>
/// The JSON of <c>offers.document</c>: the offer and the schema version it was written with. Version 1 documents
/// (the resource JSON itself) have no <c>schemaVersion</c> member and read as 0 here.
/// </summary>
/// <remarks>
/// A new optional field of <see cref="OfferDocument"/> needs no new version: give its parameter a default and
/// older documents read with it. A change that old documents cannot be read into takes a new version and a
/// reader for the old one, as <see cref="OfferDocumentV1"/> is for version 1.
/// </remarks>
public sealed record StoredOffer(int SchemaVersion = 0, OfferDocument? Offer = null)
{
    public const int CurrentSchemaVersion = 2;
}
