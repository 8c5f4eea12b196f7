namespace Storewise.Pricing.Tests.Examples;

public sealed class OfferKindTests
{
    [Fact]
    public void Every_kind_reads_back_from_its_wire_name()
    {
        foreach (var kind in Enum.GetValues<OfferKind>())
        {
            Assert.True(OfferKinds.TryParse(kind.WireName(), out var read));
            Assert.Equal(kind, read);
        }

        Assert.Equal("BogoFixed", OfferKind.BogoFixed.WireName());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("cartlevelfixed")]
    [InlineData(" CartLevelFixed")]
    [InlineData("FreeShipping")]
    [InlineData("")]
    [InlineData(null)]
    public void Numbers_other_spellings_and_missing_names_are_not_kinds(string? text) =>
        Assert.False(OfferKinds.TryParse(text, out _));

    [Fact]
    public void Families_split_the_kinds_and_percent_and_fixed_split_every_family()
    {
        foreach (var kind in Enum.GetValues<OfferKind>())
        {
            bool[] families = [OfferKinds.IsCartLevel(kind), OfferKinds.IsProductLevel(kind), OfferKinds.IsBogo(kind), OfferKinds.IsBundle(kind), OfferKinds.IsFreeShipping(kind)];
            Assert.Single(families, f => f);
            Assert.NotEqual(OfferKinds.IsPercent(kind), OfferKinds.IsFixed(kind));
            Assert.Equal(kind.WireName().EndsWith("Percentage", StringComparison.Ordinal), OfferKinds.IsPercent(kind));
        }

        Assert.True(OfferKinds.RequiresTargeting(OfferKind.BogoPercentage));
        Assert.False(OfferKinds.RequiresTargeting(OfferKind.BundleFixed));
        Assert.True(OfferKinds.HasTargeting(OfferKind.BundleFixed));
        Assert.False(OfferKinds.HasTargeting(OfferKind.CartLevelFixed));
    }
}
