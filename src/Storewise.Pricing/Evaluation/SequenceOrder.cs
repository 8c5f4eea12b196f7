namespace Storewise.Pricing;

/// <summary>
/// The order offers apply in: every promotion before every coupon (docs/pricing-rules.md A01); then the kind sequence (docs/spec.md §4.2, docs/pricing-rules.md A02),
/// within a family higher priority first;
/// within a kind, bundles by money saved alone (docs/pricing-rules.md A05), other promotions by higher value then age (docs/pricing-rules.md A03), and
/// coupons by their position in couponCodes (docs/pricing-rules.md A04).
/// </summary>
internal readonly ref struct SequenceOrder(ReadOnlySpan<Participant> participants) : IComparer<int>
{
    private readonly ReadOnlySpan<Participant> participants = participants;

    public int Compare(int x, int y)
    {
        ref readonly var left = ref participants[x];
        ref readonly var right = ref participants[y];
        var bySource = ((int)left.Offer.Source).CompareTo((int)right.Offer.Source); // as int: Enum.CompareTo boxes
        if (bySource != 0)
        {
            return bySource;
        }

        // docs/pricing-semantics.md, "Priority": within a family, a higher priority goes first. Kinds of one family have
        // neighbouring places in the kind sequence, so with equal priorities this is the kind order as before.
        var byFamily = left.Offer.FamilyRank.CompareTo(right.Offer.FamilyRank);
        if (byFamily != 0)
        {
            return byFamily;
        }

        var byPriority = right.Offer.Priority.CompareTo(left.Offer.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byKind = left.Offer.SequenceRank.CompareTo(right.Offer.SequenceRank);
        if (byKind != 0)
        {
            return byKind;
        }

        if (left.Offer.Source == OfferSource.Coupon)
        {
            var byPosition = left.CodePosition.CompareTo(right.CodePosition);
            if (byPosition != 0)
            {
                return byPosition;
            }
        }
        else if (left.Offer.Family == OfferFamily.Bundle)
        {
            var bySaving = right.BundleSaving.CompareTo(left.BundleSaving);
            if (bySaving != 0)
            {
                return bySaving;
            }
        }
        else
        {
            var byValue = right.Value.CompareTo(left.Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return left.Offer.AgeRank.CompareTo(right.Offer.AgeRank);
    }
}
