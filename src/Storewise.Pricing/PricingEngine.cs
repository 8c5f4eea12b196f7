namespace Storewise.Pricing;

/// <summary>Prices a cart against a compiled catalogue. Pure: no I/O, no clock, inputs are never changed.</summary>
public static class PricingEngine
{
    private static readonly IReadOnlyDictionary<string, OfferUsage> NoUsage = new Dictionary<string, OfferUsage>(StringComparer.Ordinal);

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
        bool explain) =>
        Evaluate(cart, evaluatedAt, catalog, codes, NoUsage, explain);

    /// <summary>
    /// As above, with <paramref name="usage"/>: what is left of the limits and budgets of limited offers, keyed by
    /// offer id (docs/pricing-semantics.md, "Limits and budgets"). A limited offer missing from it is priced as if
    /// unlimited and listed in <see cref="PricingResult.UsageWanted"/>.
    /// </summary>
    public static PricingResult Evaluate(
        Cart cart,
        DateTimeOffset evaluatedAt,
        PromotionCatalog catalog,
        IReadOnlyDictionary<string, CouponCodeState> codes,
        IReadOnlyDictionary<string, OfferUsage> usage,
        bool explain)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(catalog);

        var workspace = EvaluationWorkspace.ForCurrentThread();
        try
        {
            var lines = workspace.Lines;
            var exponent = MinorUnits.ClampExponent(CurrencyMinorUnits.GetExponentOrDefault(cart.Currency ?? string.Empty));
            var withinRange = lines.Load(cart, catalog, exponent);
            var context = new EvaluationContext(
                cart, evaluatedAt, exponent, catalog.CurrencyIds.Find(cart.Currency), lines.CatalogTotalValue, usage, catalog.StoreZone(cart.StoreId), lines);
            if (!withinRange)
            {
                return OutOfRangeCart.Price(context, lines, catalog, explain);
            }

            var participants = workspace.Participants;
            participants.Begin(catalog.PromotionCount);
            workspace.Candidates.Collect(context, lines, catalog, participants, keepMissedLines: explain);
            CouponCodes.Resolve(context, lines, catalog, codes, participants, workspace.Codes);
            RewardTerms.Resolve(context, lines, participants);
            workspace.Scenarios.Run(lines, participants, workspace.Entries);
            return workspace.Results.Build(context, lines, participants, workspace.Codes, workspace.Entries, catalog, workspace.Candidates, explain);
        }
        finally
        {
            workspace.End();
        }
    }
}
