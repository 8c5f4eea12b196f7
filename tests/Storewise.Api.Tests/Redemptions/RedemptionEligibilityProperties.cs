using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Storewise.Api.Offers;
using Storewise.Api.Redemptions;
using Storewise.Pricing;

namespace Storewise.Api.Tests.Redemptions;

/// <summary>
/// The cart and the redemption decide a code's eligibility the same way: over random coupons and code states,
/// the cart's <c>rejectedCoupons</c> reason (or its acceptance) matches the redemption's error code (or success).
/// </summary>
public sealed class RedemptionEligibilityProperties
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    // What each redemption error means in the cart's vocabulary (docs/spec.md §4.5, §D4), written out independently of
    // the service's table so that a wrong row there fails here.
    private static readonly Dictionary<string, (string CartReason, int Status)> RedemptionCodes = new()
    {
        ["coupon_code_not_found"] = (ReasonCodes.NotFound, 404),
        ["coupon_code_inactive"] = (ReasonCodes.Inactive, 400),
        ["coupon_not_active"] = (ReasonCodes.Inactive, 400),
        ["coupon_not_started"] = (ReasonCodes.NotStarted, 400),
        ["coupon_expired"] = (ReasonCodes.Expired, 400),
        ["coupon_code_already_redeemed"] = (ReasonCodes.AlreadyRedeemed, 409),
        ["currency_not_eligible"] = (ReasonCodes.CurrencyNotEligible, 400),
        ["below_minimum_cart_value"] = (ReasonCodes.BelowMinimumCartValue, 400),
        ["customer_not_eligible"] = (ReasonCodes.CustomerNotEligible, 400),
    };

    [Fact]
    public void CartReasonAndRedemptionErrorAlwaysAgree() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var catalog = PromotionCatalog.Compile([], c.CouponExists ? [EngineOffers.From(c.Coupon)] : [], [], stackableCoupons: true);
            var codes = new Dictionary<string, CouponCodeState>(StringComparer.OrdinalIgnoreCase);
            if (c.CodeExists)
            {
                codes[c.Code.Code] = new CouponCodeState(c.Code.Code, c.Code.CouponId, c.Code.Active, (int)c.Code.Redemptions);
            }

            var cart = new Pricing.Cart
            {
                Currency = c.Currency,
                CustomerId = c.CustomerId,
                CouponCodes = [c.Code.Code],
                Items = [new CartItem("l1", "P1", 1, c.CatalogTotal, [], null)],
            };
            var priced = PricingEngine.Evaluate(cart, c.At, catalog, codes, explain: false);
            var cartReason = priced.RejectedCoupons.SingleOrDefault()?.Reason;

            var redemption = new Redemption([c.Code.Code], "order-1", c.Currency, c.CatalogTotal, c.CustomerId, null);
            var failure = RedemptionEligibility.Check(c.Code.Code, c.CodeExists ? c.Code : null, catalog, redemption, c.At);

            if (failure is null)
            {
                Assert.True(cartReason is null, $"redeemable, but the cart rejects it as {cartReason}");
                Assert.Single(priced.Items[0].Discounts);
            }
            else
            {
                var (expectedReason, status) = RedemptionCodes[failure.Reason];
                Assert.Equal(expectedReason, cartReason);
                Assert.Equal(status, failure.Status);
            }
        }));

    [Fact]
    public void CodeInactivityIsReportedBeforeCouponInactivity()
    {
        var coupon = Coupon(active: false, Now.AddDays(-1), null, [new OfferCurrency("EUR", null)], [], singleUse: false, OfferKind.CartLevelPercentage);
        var catalog = RedemptionEligibility.Compile([coupon]);
        var redemption = new Redemption(["C1"], "o", "EUR", 10m, null, null);

        var codeOff = RedemptionEligibility.Check("C1", StoredCode(coupon.Id, active: false, 0), catalog, redemption, Now);
        var codeOn = RedemptionEligibility.Check("C1", StoredCode(coupon.Id, active: true, 0), catalog, redemption, Now);

        Assert.Equal("coupon_code_inactive", codeOff?.Reason);
        Assert.Equal("coupon_not_active", codeOn?.Reason);
    }

    private sealed record CouponCase(
        OfferDocument Coupon, bool CouponExists, RedeemableCode Code, bool CodeExists, string Currency, decimal CatalogTotal, string? CustomerId, DateTimeOffset At);

    private static Gen<CouponCase> Cases() =>
        from kind in Gen.Elements(OfferKind.CartLevelPercentage, OfferKind.CartLevelFixed)
        from active in Gen.Elements(true, true, false)
        from startHours in Gen.Choose(-48, 48)
        from lengthHours in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 96).Select(h => (int?)h))
        from currencies in Gen.SubListOf(["EUR", "usd", "GBP"])
        from minimums in Gen.ArrayOf(Gen.Elements<decimal?>(null, 0m, 10m, 49.99m, 50m), currencies.Count)
        from consumers in Gen.SubListOf(["c1", "c2"])
        from singleUse in Gen.Elements(true, false)
        from codeActive in Gen.Elements(true, true, false)
        from redemptions in Gen.Choose(0, 2)
        from codeExists in Gen.Elements(true, true, true, false)
        from couponExists in Gen.Elements(true, true, true, false)
        from currency in Gen.Elements("EUR", "USD", "GBP", "JPY")
        from total in Gen.Elements(1m, 10m, 49.99m, 50m, 120m)
        from customer in Gen.Elements<string?>(null, "c1", "c2", "c3")
        from atSeconds in Gen.Elements(0, 1, -1, 3600)
        let validFrom = Now.AddHours(startHours)
        let coupon = Coupon(
            active,
            validFrom,
            lengthHours is { } h ? validFrom.AddHours(h) : null,
            [.. currencies.Select((code, i) => new OfferCurrency(code, minimums[i]))],
            [.. consumers],
            singleUse,
            kind)
        select new CouponCase(
            coupon, couponExists, StoredCode(coupon.Id, codeActive, redemptions), codeExists, currency, total, customer, Now.AddSeconds(atSeconds));

    private static OfferDocument Coupon(
        bool active, DateTimeOffset validFrom, DateTimeOffset? validTo, IReadOnlyList<OfferCurrency> currencies,
        IReadOnlyList<string> consumers, bool singleUse, OfferKind kind)
    {
        var percent = OfferKinds.IsPercent(kind);
        var category = new OfferCategory(
            kind, percent ? 10m : 5m, [], [], [], [], null, null, null, null, [], new JsonObject { ["kind"] = kind.WireName() });
        return new OfferDocument(
            OfferType.Coupon, "coupon-1", "Coupon", null, active, Time(validFrom), validTo is { } end ? Time(end) : null, null, category,
            currencies, [], false, null, singleUse, consumers, null, "tenant", "v1", Now.AddDays(-10), "u", Now.AddDays(-10), "u");
    }

    private static ValidityTime Time(DateTimeOffset instant) =>
        ValidityTime.TryParse(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), out var time)
            ? time
            : throw new InvalidOperationException("unparseable time");

    private static RedeemableCode StoredCode(string couponId, bool active, long redemptions) => new()
    {
        Id = "code-1",
        Code = "Spring-1",
        CodeKey = "SPRING-1",
        CouponId = couponId,
        Active = active,
        Redemptions = redemptions,
        Document = "{}",
    };
}
