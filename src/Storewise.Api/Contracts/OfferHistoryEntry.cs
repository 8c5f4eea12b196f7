namespace Storewise.Api.Contracts;

/// <summary>One write of a promotion or coupon, as its history lists it (docs/decisions/0701-offer-history.md).</summary>
/// <param name="Revision">1 for the creation, then one more per replace.</param>
/// <param name="Version">The offer's version token after this write.</param>
/// <param name="RecordedAt">When the write happened (RFC 3339, UTC): the offer's <c>updatedAt</c> then.</param>
/// <param name="RecordedBy">The user (token <c>sub</c>) who wrote it.</param>
/// <param name="Changes">The fields this write changed, with their values before and after.</param>
public sealed record OfferHistoryEntry(int Revision, string Version, string RecordedAt, string RecordedBy, IReadOnlyList<OfferFieldChange> Changes);
