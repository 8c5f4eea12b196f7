namespace Storewise.Api.Offers;

/// <summary>What a write of an offer came to.</summary>
public enum OfferWriteOutcome
{
    Written,
    DuplicateName,
    DuplicateExternalId,

    /// <summary>An update whose expected version no longer matches (or whose offer is gone).</summary>
    VersionMismatch,
}
