using Storewise.Pricing;

namespace Storewise.Api.Simulations;

/// <summary>
/// The running totals of a simulation, per currency: saved with the job after every batch, so a resumed job
/// continues from them. Amounts are the engine's, already at the currency's minor unit.
/// </summary>
public sealed class SimulationTally
{
    public const int TopCount = 20;

    public Dictionary<string, CurrencyTally> Currencies { get; init; } = new(StringComparer.Ordinal);

    // Numbers each counted pricing, so an offer knows whether it was already counted for the cart being counted.
    private long _carts;

    /// <summary>Counts one replayed cart priced as it is (<paramref name="before"/>) and with the change (<paramref name="after"/>).</summary>
    public void Add(Pricing.Cart cart, long loggedAt, PricingResult before, PricingResult after)
    {
        var currency = cart.Currency.ToUpperInvariant();
        if (!Currencies.TryGetValue(currency, out var tally))
        {
            tally = new CurrencyTally();
            Currencies.Add(currency, tally);
        }

        var discountBefore = Discount(before);
        var discountAfter = Discount(after);
        tally.Carts++;
        tally.DiscountBefore += discountBefore;
        tally.DiscountAfter += discountAfter;
        if (before.Total != after.Total)
        {
            tally.Changed++;
            tally.Consider(new ChangedCartTally(loggedAt, cart.StoreId, cart.CustomerId, before.Total, after.Total, discountBefore, discountAfter));
        }

        CountOffers(tally, before, after: false);
        CountOffers(tally, after, after: true);
    }

    private static decimal Discount(PricingResult result)
    {
        var shipping = 0m;
        var discounts = result.ShippingDiscounts;
        for (var i = 0; i < discounts.Count; i++)
        {
            shipping += discounts[i].Amount;
        }

        return result.DiscountTotal + shipping;
    }

    // Each offer's amount over the cart's lines and shipping, counted once per cart. A cart meets many discounts (every
    // line of it each cart-level one), so the lookups go by the id's reference first: the engine hands out the one id
    // string of each compiled offer, which makes a hit one pointer comparison instead of hashing a 36-character id.
    // Indexed loops: a foreach over a read-only list of an array allocates an enumerator, one per line and pricing.
    private void CountOffers(CurrencyTally tally, PricingResult result, bool after)
    {
        var cart = ++_carts;
        var items = result.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var discounts = items[i].Discounts;
            for (var d = 0; d < discounts.Count; d++)
            {
                Count(tally, discounts[d], after, cart);
            }
        }

        var shipping = result.ShippingDiscounts;
        for (var d = 0; d < shipping.Count; d++)
        {
            Count(tally, shipping[d], after, cart);
        }
    }

    private static void Count(CurrencyTally tally, AppliedDiscount discount, bool after, long cart)
    {
        if (!tally.ById.TryGetValue(discount.Id, out var offer))
        {
            if (!tally.Offers.TryGetValue(discount.Id, out offer))
            {
                offer = new OfferTally { Name = discount.Name, Source = discount.Source == OfferSource.Coupon ? "coupon" : "promotion" };
                tally.Offers.Add(discount.Id, offer);
            }

            tally.ById.Add(discount.Id, offer);
        }

        if (offer.CountedIn != cart)
        {
            offer.CountedIn = cart;
            if (after)
            {
                offer.CartsAfter++;
            }
            else
            {
                offer.CartsBefore++;
            }
        }

        if (after)
        {
            offer.AmountAfter += discount.Amount;
        }
        else
        {
            offer.AmountBefore += discount.Amount;
        }
    }
}

/// <summary>The totals of one currency.</summary>
public sealed class CurrencyTally
{
    public long Carts { get; set; }

    public long Changed { get; set; }

    public decimal DiscountBefore { get; set; }

    public decimal DiscountAfter { get; set; }

    public Dictionary<string, OfferTally> Offers { get; init; } = new(StringComparer.Ordinal);

    // The same tallies as Offers, found by the id's reference (see SimulationTally.CountOffers); not saved.
    internal Dictionary<string, OfferTally> ById { get; } = new(IdentityComparer.Instance);

    /// <summary>The carts whose total changed most, largest change first, at most <see cref="SimulationTally.TopCount"/>.</summary>
    public List<ChangedCartTally> Top { get; init; } = [];

    public void Consider(ChangedCartTally cart)
    {
        if (Top.Count == SimulationTally.TopCount && cart.Change <= Top[^1].Change)
        {
            return;
        }

        var at = Top.FindIndex(t => cart.Change > t.Change);
        Top.Insert(at < 0 ? Top.Count : at, cart);
        if (Top.Count > SimulationTally.TopCount)
        {
            Top.RemoveAt(Top.Count - 1);
        }
    }
}

/// <summary>One offer's totals in one currency: the carts it applied to and the amount it took off, before and after.</summary>
public sealed class OfferTally
{
    public string Name { get; set; } = "";

    public string Source { get; set; } = "";

    public long CartsBefore { get; set; }

    public long CartsAfter { get; set; }

    public decimal AmountBefore { get; set; }

    public decimal AmountAfter { get; set; }

    // The pricing this offer was last counted in (SimulationTally's numbering); not saved.
    internal long CountedIn { get; set; }
}

/// <summary>A cart whose total the change moved.</summary>
public sealed record ChangedCartTally(
    long LoggedAt, string? StoreId, string? CustomerId, decimal TotalBefore, decimal TotalAfter, decimal DiscountBefore, decimal DiscountAfter)
{
    public decimal Change => Math.Abs(TotalAfter - TotalBefore);
}
