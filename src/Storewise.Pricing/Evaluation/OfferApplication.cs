namespace Storewise.Pricing;

/// <summary>Applies one participant to the current line and shipping amounts, by family.</summary>
internal static class OfferApplication
{
    /// <summary>Returns the money taken; records entries when <paramref name="record"/> is true.</summary>
    public static long Apply(EvaluationScratch scratch, int participantIndex, bool record) =>
        scratch.Participants[participantIndex].Offer.Family switch
        {
            OfferFamily.Bundle => BundleDiscount.Apply(scratch, participantIndex, record),
            OfferFamily.Product => ProductDiscount.Apply(scratch, participantIndex, record),
            OfferFamily.Cart => CartDiscount.Apply(scratch, participantIndex, record),
            OfferFamily.Bogo => BogoDiscount.Apply(scratch, participantIndex, record),
            _ => ShippingDiscount.Apply(scratch, participantIndex, record),
        };
}
