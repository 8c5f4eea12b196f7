namespace Storewise.Pricing;

/// <summary>Prices a cart against a compiled catalogue. Pure: no I/O, no clock, inputs are never changed.</summary>
public static class PricingEngine
{
    /// <summary>
    /// Prices <paramref name="cart"/> as of <paramref name="evaluatedAt"/>. <paramref name="codes"/> holds the stored
    /// state of the submitted codes keyed by code text (case-insensitive); a submitted code missing from it is
    /// not_found. With <paramref name="explain"/>, the result lists every promotion that did not apply.
    /// Money in the result is rounded to the cart currency's minor unit, half away from zero.
    /// </summary>
    public static PricingResult Evaluate(
        Cart cart,
        DateTimeOffset evaluatedAt,
        PromotionCatalog catalog,
        IReadOnlyDictionary<string, CouponCodeState> codes,
        bool explain)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(catalog);

        var scratch = EvaluationScratch.ForCurrentThread();
        var items = cart.Items ?? [];
        scratch.Begin(items.Count, catalog.PromotionCount);
        try
        {
            scratch.Cart = cart;
            scratch.EvaluatedAt = evaluatedAt;
            scratch.Exponent = MinorUnits.ClampExponent(CurrencyMinorUnits.GetExponentOrDefault(cart.Currency ?? string.Empty));
            scratch.CurrencyId = catalog.CurrencyIds.Find(cart.Currency);
            if (!CartLines.Load(scratch, cart, catalog))
            {
                return OutOfRangeCart.Price(scratch, catalog, explain);
            }

            PromotionCandidates.Collect(scratch, catalog);
            CouponCodes.Resolve(scratch, catalog, codes);
            ScenarioSelection.Run(scratch);
            return ResultAssembly.Build(scratch, catalog, explain);
        }
        finally
        {
            scratch.End();
        }
    }
}
