namespace Storewise.Pricing;

/// <summary>An offer prepared for evaluation: lookups turned into sets, amounts into minor units, kind facts cached.</summary>
internal sealed class CompiledOffer
{
    /// <summary>Compiles <paramref name="offer"/>; <paramref name="ageRank"/> is its place on the catalog-wide age scale (docs/pricing-rules.md A03), computed beforehand.</summary>
    public CompiledOffer(Offer offer, OfferSource source, int index, long ageRank, CurrencyIds currencyIds)
    {
        Offer = offer;
        Source = source;
        Index = index;
        AgeRank = ageRank;
        Kind = offer.Kind;
        Family = OfferKinds.Family(offer.Kind);
        SequenceRank = OfferKinds.SequenceRank(offer.Kind);
        IsPercent = OfferKinds.IsPercent(offer.Kind);
        Level = OfferKinds.Level(Family);
        Percent = offer.Percent ?? 0m;
        Rate = new PercentRate(Percent);
        Id = offer.Id ?? string.Empty;
        LowerId = Id.ToLowerInvariant();
        Name = offer.Name ?? string.Empty;
        Currencies = CompileCurrencies(offer, currencyIds);
        // docs/pricing-semantics.md, "Buy from one set, get from another": the two sets replace the category's targeting.
        IncludedProducts = ToSet(offer.Buy is null ? offer.IncludedProducts : [.. offer.Buy.IncludedProducts ?? [], .. offer.Get?.IncludedProducts ?? []]);
        ExcludedProducts = ToSet(offer.ExcludedProducts);
        IncludedCategories = CompileCategories(offer.Buy is null ? offer.IncludedCategories : [.. offer.Buy.IncludedCategories ?? [], .. offer.Get?.IncludedCategories ?? []]);
        BundleRequirements = CompileBundle(offer.BundleProducts);
        Stores = ToSet(offer.Stores);
        Consumers = ToSet(offer.Consumers);
        FamilyRank = OfferKinds.FamilyRank(Family);
        Tiers = CompileTiers(offer, currencyIds);
        MaxDiscounts = CompileMaxDiscounts(offer, currencyIds);
        MaxQuantity = offer.MaxQuantity is > 0 and var maxQuantity ? maxQuantity : int.MaxValue;
        Buy = CompileUnitSet(offer.Buy);
        Get = CompileUnitSet(offer.Get);
        GetMostExpensive = offer.GetMostExpensive;
        MaxApplications = offer.MaxApplications is > 0 and var applications ? applications : Family == OfferFamily.Gift ? 1 : long.MaxValue;
        Gifts = CompileGifts(offer.Gifts);
        Priority = offer.Priority;
        StackingGroup = string.IsNullOrEmpty(offer.StackingGroup) ? null : offer.StackingGroup;
        StopFurther = offer.StopFurther;
        ChannelTypes = ToSet(offer.ChannelTypes);
    }

    public Offer Offer { get; }

    public OfferSource Source { get; }

    /// <summary>Position in the catalog's promotion or coupon array.</summary>
    public int Index { get; private set; }

    /// <summary>
    /// Place among all offers by creation time, then id (docs/pricing-rules.md A03): smaller is older. Only the order
    /// counts: ranks are spaced apart so that an incremental update can place a new offer between two others.
    /// </summary>
    public long AgeRank { get; }

    public string Id { get; }

    public string LowerId { get; }

    public string Name { get; }

    public OfferKind Kind { get; }

    public OfferFamily Family { get; }

    public int SequenceRank { get; }

    public bool IsPercent { get; }

    public string Level { get; }

    public decimal Percent { get; }

    public PercentRate Rate { get; }

    public CurrencyTerms[] Currencies { get; }

    public HashSet<string>? IncludedProducts { get; }

    public HashSet<string>? ExcludedProducts { get; }

    public string[][] IncludedCategories { get; }

    public BundleRequirement[] BundleRequirements { get; }

    public HashSet<string>? Stores { get; }

    public HashSet<string>? Consumers { get; }

    /// <summary>Place of the family in the sequence (docs/spec.md §4.2); priorities order offers within it.</summary>
    public int FamilyRank { get; }

    /// <summary>Tiers by ascending threshold; empty for an offer without tiers.</summary>
    public CompiledTier[] Tiers { get; }

    /// <summary>The most the offer takes off one cart, per currency, rounded down to the minor unit; empty without a cap.</summary>
    public CurrencyAmountMinor[] MaxDiscounts { get; }

    /// <summary>Product-level kinds: units of each line discounted at most; <see cref="int.MaxValue"/> without a limit.</summary>
    public int MaxQuantity { get; }

    public CompiledUnitSet? Buy { get; }

    public CompiledUnitSet? Get { get; }

    public bool GetMostExpensive { get; }

    /// <summary>BOGO and FreeGift: applications per cart at most (FreeGift: 1 unless set).</summary>
    public long MaxApplications { get; }

    public GiftItem[] Gifts { get; }

    public int Priority { get; }

    public string? StackingGroup { get; }

    public bool StopFurther { get; }

    /// <summary>Tiers or a maximum discount: terms that depend on the cart and its currency, resolved by <see cref="RewardTerms"/>.</summary>
    public bool HasRewardTerms => Tiers.Length > 0 || MaxDiscounts.Length > 0;

    /// <summary>Whether the offer needs a line its targeting selects (docs/pricing-rules.md A25); a gift only with a buy set.</summary>
    public bool NeedsTargetedLine => OfferKinds.NeedsTargetedLine(Family) || (Family == OfferFamily.Gift && Buy is not null);

    /// <summary>Null when the offer applies in every channel.</summary>
    public HashSet<string>? ChannelTypes { get; }

    /// <summary>The same compiled offer at another position of a catalogue's array; this one is not changed (older catalogues share it).</summary>
    public CompiledOffer WithIndex(int index)
    {
        var moved = (CompiledOffer)MemberwiseClone();
        moved.Index = index;
        return moved;
    }

    /// <summary>The terms for the cart currency (by catalog currency id, see <see cref="CurrencyIds"/>); false when the offer does not accept it.</summary>
    public bool TryGetCurrency(int currencyId, out CurrencyTerms terms)
    {
        foreach (var candidate in Currencies)
        {
            if (candidate.CurrencyId == currencyId)
            {
                terms = candidate;
                return true;
            }
        }

        terms = default;
        return false;
    }

    /// <summary>
    /// Whether the offer's targeting selects a product with these categories: product and BOGO kinds through
    /// includedProducts/includedCategories (docs/pricing-rules.md A13), bundles through their products (docs/pricing-rules.md A24); excludedProducts always wins.
    /// </summary>
    public bool Targets(string productId, IReadOnlyList<IReadOnlyList<string>>? categories)
    {
        if (ExcludedProducts is not null && ExcludedProducts.Contains(productId))
        {
            return false;
        }

        if (Family == OfferFamily.Bundle)
        {
            foreach (var requirement in BundleRequirements)
            {
                if (string.Equals(requirement.ProductId, productId, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        if (IncludedProducts is not null && IncludedProducts.Contains(productId))
        {
            return true;
        }

        return categories is not null && CategoryPrefix.AnyMatches(IncludedCategories, categories);
    }

    private static CurrencyTerms[] CompileCurrencies(Offer offer, CurrencyIds currencyIds)
    {
        var rules = offer.Currencies ?? [];
        var isFixed = !OfferKinds.IsPercent(offer.Kind);
        var isGift = offer.Kind == OfferKind.FreeGift; // a gift takes no amount: it is eligible in every currency it lists
        var terms = new List<CurrencyTerms>(rules.Count);
        foreach (var rule in rules)
        {
            if (rule?.Code is null)
            {
                continue;
            }

            // docs/pricing-rules.md A56: codes compare case-insensitively; the first entry of a currency wins.
            var currencyId = currencyIds.GetOrAdd(rule.Code);
            if (terms.Exists(t => t.CurrencyId == currencyId))
            {
                continue;
            }

            var exponent = MinorUnits.ClampExponent(CurrencyMinorUnits.GetExponentOrDefault(rule.Code));
            var hasAmount = isGift;
            long amountMinor = 0;
            if (isFixed && !isGift && FixedAmounts.For(offer.Amounts, offer.ScalarAmount, rule.Code) is { } amount)
            {
                hasAmount = true;
                // docs/pricing-rules.md A28: amounts finer than the minor unit round half away from zero; absurd ones cap at the engine's range.
                amountMinor = MinorUnits.TryToMinor(amount, exponent, out var minor) ? minor : amount > 0 ? MinorUnits.MaxCartMinorUnits : 0;
                amountMinor = Math.Max(0, amountMinor);
            }

            terms.Add(new CurrencyTerms(currencyId, rule.MinimumCartValue, hasAmount, amountMinor, MinorUnits.ToDecimal(amountMinor, exponent)));
        }

        return [.. terms];
    }

    private static CompiledTier[] CompileTiers(Offer offer, CurrencyIds currencyIds)
    {
        var tiers = offer.Tiers;
        if (tiers is null || tiers.Count == 0)
        {
            return [];
        }

        var compiled = new List<CompiledTier>(tiers.Count);
        foreach (var tier in tiers)
        {
            if (tier is null)
            {
                continue;
            }

            var amounts = OfferKinds.IsPercent(offer.Kind) ? [] : CompileAmounts(offer, tier.Amounts, tier.ScalarAmount, currencyIds, floor: false);
            compiled.Add(new CompiledTier(tier.MinimumCartValue, tier.MinimumQuantity, tier.Percent ?? 0m, amounts));
        }

        compiled.Sort(static (left, right) =>
        {
            var byValue = left.MinimumCartValue.CompareTo(right.MinimumCartValue);
            return byValue != 0 ? byValue : left.MinimumQuantity.CompareTo(right.MinimumQuantity);
        });
        return [.. compiled];
    }

    private static CurrencyAmountMinor[] CompileMaxDiscounts(Offer offer, CurrencyIds currencyIds) =>
        offer.MaxDiscount is null || offer.MaxDiscount.Count == 0 ? [] : CompileAmounts(offer, offer.MaxDiscount, null, currencyIds, floor: true);

    // Amounts in the offer's currencies: rounded as docs/pricing-rules.md A28 says, or down for a cap, which must never grant more than set.
    private static CurrencyAmountMinor[] CompileAmounts(Offer offer, IReadOnlyDictionary<string, decimal>? amounts, decimal? scalar, CurrencyIds currencyIds, bool floor)
    {
        var compiled = new List<CurrencyAmountMinor>();
        foreach (var rule in offer.Currencies ?? [])
        {
            if (rule?.Code is null || FixedAmounts.For(amounts, scalar, rule.Code) is not { } amount)
            {
                continue;
            }

            var currencyId = currencyIds.GetOrAdd(rule.Code);
            if (compiled.Exists(a => a.CurrencyId == currencyId))
            {
                continue;
            }

            var exponent = MinorUnits.ClampExponent(CurrencyMinorUnits.GetExponentOrDefault(rule.Code));
            var minor = floor ? MinorUnits.FloorToMinor(amount, exponent)
                : MinorUnits.TryToMinor(amount, exponent, out var rounded) ? Math.Max(0, rounded) : amount > 0 ? MinorUnits.MaxCartMinorUnits : 0;
            compiled.Add(new CurrencyAmountMinor(currencyId, minor, MinorUnits.ToDecimal(minor, exponent)));
        }

        return [.. compiled];
    }

    private static CompiledUnitSet? CompileUnitSet(UnitSet? set) =>
        set is null ? null : new CompiledUnitSet(Math.Max(1, set.Quantity), ToSet(set.IncludedProducts), CompileCategories(set.IncludedCategories));

    private static GiftItem[] CompileGifts(IReadOnlyList<GiftItem>? gifts)
    {
        if (gifts is null || gifts.Count == 0)
        {
            return [];
        }

        var compiled = new List<GiftItem>(gifts.Count);
        foreach (var gift in gifts)
        {
            if (gift?.ProductId is not null && gift.Quantity > 0)
            {
                compiled.Add(gift);
            }
        }

        return [.. compiled];
    }

    private static HashSet<string>? ToSet(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var set = new HashSet<string>(values.Count, StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value is not null)
            {
                set.Add(value);
            }
        }

        return set.Count == 0 ? null : set;
    }

    private static string[][] CompileCategories(IReadOnlyList<IReadOnlyList<string>>? paths)
    {
        if (paths is null || paths.Count == 0)
        {
            return [];
        }

        var compiled = new List<string[]>(paths.Count);
        foreach (var path in paths)
        {
            if (path is null || ContainsNull(path))
            {
                continue;
            }

            compiled.Add([.. path]);
        }

        return [.. compiled];
    }

    private static bool ContainsNull(IReadOnlyList<string> path)
    {
        foreach (var segment in path)
        {
            if (segment is null)
            {
                return true;
            }
        }

        return false;
    }

    // docs/pricing-rules.md A25: a product listed twice needs the sum of its quantities; a missing quantity counts as 1.
    private static BundleRequirement[] CompileBundle(IReadOnlyList<BundleItem>? items)
    {
        if (items is null || items.Count == 0)
        {
            return [];
        }

        var requirements = new List<BundleRequirement>(items.Count);
        foreach (var item in items)
        {
            if (item?.ProductId is null)
            {
                continue;
            }

            var quantity = Math.Max(1, item.Quantity);
            var existing = requirements.FindIndex(r => string.Equals(r.ProductId, item.ProductId, StringComparison.Ordinal));
            if (existing >= 0)
            {
                requirements[existing] = requirements[existing] with { Quantity = requirements[existing].Quantity + quantity };
            }
            else
            {
                requirements.Add(new BundleRequirement(item.ProductId, quantity));
            }
        }

        return [.. requirements];
    }
}
