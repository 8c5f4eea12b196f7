namespace Storewise.Pricing.Tests.Support;

/// <summary>A store's stored offers and codes; prices carts with the defaults the example tests share: explain on, stackable coupons, no exclusions.</summary>
internal sealed class Store
{
    private readonly List<Offer> promotions = [];
    private readonly List<Offer> coupons = [];
    private readonly List<string> excluded = [];
    private readonly Dictionary<string, CouponCodeState> codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, OfferUsage> usage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeZoneInfo> storeZones = new(StringComparer.Ordinal);
    private bool stackable = true;

    public static Store With(params Offer[] offers)
    {
        var pricing = new Store();
        foreach (var offer in offers)
        {
            (offer.Source == OfferSource.Coupon ? pricing.coupons : pricing.promotions).Add(offer);
        }

        return pricing;
    }

    /// <summary>Adds a code for a coupon; the code is active with no redemptions unless told otherwise.</summary>
    public Store Code(string code, string couponId, bool active = true, int redemptions = 0)
    {
        codes[code] = new CouponCodeState(code, couponId, active, redemptions);
        return this;
    }

    /// <summary>Gives the usage state of a limited offer, as the service computes it from its counters.</summary>
    public Store Usage(string offerId, OfferUsage state)
    {
        usage[offerId] = state;
        return this;
    }

    public Store Excluding(params string[] productIds)
    {
        excluded.AddRange(productIds);
        return this;
    }

    public Store Legacy()
    {
        stackable = false;
        return this;
    }

    /// <summary>Registers a store's IANA zone, as the service's store registry does.</summary>
    public Store StoreZone(string storeId, string timeZone)
    {
        storeZones[storeId] = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return this;
    }

    public PricingResult Price(Cart cart, DateTimeOffset? at = null, bool explain = true) =>
        PricingEngine.Evaluate(cart, at ?? Offers.Now, Catalog(), codes, usage, explain);

    public QualificationResult Qualify(Cart cart, DateTimeOffset? at = null, bool includeCoupons = true) =>
        OfferQualification.Qualify(cart, at ?? Offers.Now, Catalog(), usage, includeCoupons);

    private PromotionCatalog Catalog() => PromotionCatalog.Compile(promotions, coupons, excluded, stackable, storeZones);
}
