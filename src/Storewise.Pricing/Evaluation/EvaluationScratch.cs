namespace Storewise.Pricing;

/// <summary>
/// Per-thread working memory for one evaluation, reused across evaluations so that pricing a cart allocates
/// little beyond its result. Arrays only grow. Nothing in here outlives a call to <see cref="PricingEngine.Evaluate"/>.
/// </summary>
internal sealed class EvaluationScratch
{
    [ThreadStatic]
    private static EvaluationScratch? current;

    // Lines of the cart, in request order.
    public int LineCount;
    public CartItem[] Items = new CartItem[16];
    public string[] LineIds = new string[16];
    public string[] ProductIds = new string[16];
    public long[] Catalog = new long[16];
    public int[] Quantity = new int[16];

    /// <summary>Lines that never take a discount: globally excluded products (1.5, A19) and lines with odd data.</summary>
    public bool[] Excluded = new bool[16];
    public long[] Remaining = new long[16];
    public int[] BundledUnits = new int[16];

    public bool HasShipping;
    public long Shipping;
    public long ShippingRemaining;

    // Evaluation context.
    public Cart Cart = null!;
    public DateTimeOffset EvaluatedAt;
    public int Exponent;
    public int CurrencyId;
    public decimal CatalogTotalValue;

    // Candidate promotions, found through the catalog index (stamps avoid clearing per-promotion arrays).
    public int Generation;
    public int[] OfferStamp = new int[64];
    public int[] OfferLastLine = new int[64];
    public int[] OfferSlot = new int[64];
    public int[] OfferParticipant = new int[64];
    public int[] ParticipantStamp = new int[64];
    public int CandidateCount;
    public int[] Candidates = new int[64];
    public CurrencyTerms[] CandidateTerms = new CurrencyTerms[64];
    public int[] SlotStart = new int[64];
    public int[] SlotCount = new int[64];
    public int PairCount;
    public int[] PairSlot = new int[256];
    public int[] PairLine = new int[256];
    public int[] SortedPairLines = new int[256];

    // Participants and their targeted lines.
    public int ParticipantCount;
    public Participant[] Participants = new Participant[32];
    public int ParticipantLineCount;
    public int[] ParticipantLines = new int[256];
    public int[] Sequence = new int[32];
    public int SequenceCount;

    // Submitted codes in couponCodes order.
    public int CodeCount;
    public CodeOutcome[] Codes = new CodeOutcome[4];

    // Recorded entries of the scenario being recorded.
    public int EntryCount;
    public AppliedEntry[] Entries = new AppliedEntry[64];

    // Temporaries for one offer application, sized by line count.
    public int[] TempOrder = new int[16];
    public int[] TempLines = new int[16];
    public int[] TempUnits = new int[16];
    public long[] TempShares = new long[16];
    public Int128[] TempWeights = new Int128[16];
    public Int128[] TempRemainders = new Int128[16];
    public long[] LineDiscount = new long[16];
    public int[] LineEntryCount = new int[16];
    public AppliedDiscount[][] LineEntries = new AppliedDiscount[16][];

    public static EvaluationScratch ForCurrentThread() => current ??= new EvaluationScratch();

    /// <summary>Prepares for a cart of <paramref name="lineCount"/> lines against <paramref name="promotionCount"/> promotions.</summary>
    public void Begin(int lineCount, int promotionCount)
    {
        LineCount = lineCount;
        EnsureLines(lineCount);
        EnsureOffers(promotionCount);
        Generation++;
        if (Generation == int.MaxValue)
        {
            // After two billion evaluations the stamps could repeat: clear them once.
            Array.Clear(OfferStamp);
            Array.Clear(ParticipantStamp);
            Generation = 1;
        }

        CandidateCount = 0;
        PairCount = 0;
        ParticipantCount = 0;
        ParticipantLineCount = 0;
        SequenceCount = 0;
        CodeCount = 0;
        EntryCount = 0;
    }

    /// <summary>Drops references to caller objects so the scratch does not keep a cart alive.</summary>
    public void End()
    {
        Array.Clear(Items, 0, LineCount);
        Array.Clear(LineIds, 0, LineCount);
        Array.Clear(ProductIds, 0, LineCount);
        Array.Clear(Participants, 0, ParticipantCount);
        Array.Clear(Codes, 0, CodeCount);
        Array.Clear(LineEntries, 0, LineCount);
        Cart = null!;
    }

    /// <summary>Puts every line and the shipping cost back to their undiscounted state, for a new scenario.</summary>
    public void ResetAmounts()
    {
        Array.Copy(Catalog, Remaining, LineCount);
        Array.Clear(BundledUnits, 0, LineCount);
        ShippingRemaining = Shipping;
    }

    public void AddPair(int slot, int line)
    {
        if (PairCount == PairSlot.Length)
        {
            Array.Resize(ref PairSlot, PairCount * 2);
            Array.Resize(ref PairLine, PairCount * 2);
        }

        PairSlot[PairCount] = slot;
        PairLine[PairCount] = line;
        PairCount++;
    }

    public int AddCandidate(int offerIndex, in CurrencyTerms terms)
    {
        if (CandidateCount == Candidates.Length)
        {
            Array.Resize(ref Candidates, CandidateCount * 2);
            Array.Resize(ref CandidateTerms, CandidateCount * 2);
        }

        Candidates[CandidateCount] = offerIndex;
        CandidateTerms[CandidateCount] = terms;
        return CandidateCount++;
    }

    public void AddParticipantLine(int line)
    {
        if (ParticipantLineCount == ParticipantLines.Length)
        {
            Array.Resize(ref ParticipantLines, ParticipantLineCount * 2);
        }

        ParticipantLines[ParticipantLineCount++] = line;
    }

    public int AddParticipant(in Participant participant)
    {
        if (ParticipantCount == Participants.Length)
        {
            Array.Resize(ref Participants, ParticipantCount * 2);
            Array.Resize(ref Sequence, ParticipantCount * 2);
        }

        Participants[ParticipantCount] = participant;
        return ParticipantCount++;
    }

    public ref CodeOutcome AddCode()
    {
        if (CodeCount == Codes.Length)
        {
            Array.Resize(ref Codes, CodeCount * 2);
        }

        Codes[CodeCount] = default;
        return ref Codes[CodeCount++];
    }

    public void Record(int participant, int line, long amount)
    {
        if (EntryCount == Entries.Length)
        {
            Array.Resize(ref Entries, EntryCount * 2);
        }

        Entries[EntryCount++] = new AppliedEntry(participant, line, amount);
    }

    /// <summary>Whether promotion <paramref name="offerIndex"/> became a participant in this evaluation.</summary>
    public bool TryGetParticipant(int offerIndex, out int participant)
    {
        if (ParticipantStamp[offerIndex] == Generation)
        {
            participant = OfferParticipant[offerIndex];
            return true;
        }

        participant = -1;
        return false;
    }

    public void MarkParticipant(int offerIndex, int participant)
    {
        ParticipantStamp[offerIndex] = Generation;
        OfferParticipant[offerIndex] = participant;
    }

    private void EnsureLines(int count)
    {
        if (Items.Length >= count)
        {
            return;
        }

        var size = Math.Max(count, Items.Length * 2);
        Items = new CartItem[size];
        LineIds = new string[size];
        ProductIds = new string[size];
        Catalog = new long[size];
        Quantity = new int[size];
        Excluded = new bool[size];
        Remaining = new long[size];
        BundledUnits = new int[size];
        TempOrder = new int[size];
        TempLines = new int[size];
        TempUnits = new int[size];
        TempShares = new long[size];
        TempWeights = new Int128[size];
        TempRemainders = new Int128[size];
        LineDiscount = new long[size];
        LineEntryCount = new int[size];
        LineEntries = new AppliedDiscount[size][];
    }

    private void EnsureOffers(int count)
    {
        if (OfferStamp.Length >= count)
        {
            return;
        }

        var size = Math.Max(count, OfferStamp.Length * 2);
        // New arrays hold zeros, which never equal a live generation (generations start at 1).
        OfferStamp = new int[size];
        OfferLastLine = new int[size];
        OfferSlot = new int[size];
        OfferParticipant = new int[size];
        ParticipantStamp = new int[size];
    }
}
