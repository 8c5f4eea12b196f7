namespace Storewise.Pricing;

/// <summary>
/// The eligible offers taking part in this evaluation and the lines their targeting selected. Promotions join it
/// through <see cref="PromotionCandidates"/>, coupons through <see cref="CouponCodes"/>; scenario selection then
/// fills in each participant's outcome.
/// </summary>
internal sealed class ParticipantSet
{
    private Participant[] participants = new Participant[32];
    private int[] targetedLines = new int[256];
    private int targetedLineCount;

    // Participant of each promotion by catalog index, valid where marked.
    private readonly PromotionStamps promotionsAdded = new();
    private int[] promotionParticipant = new int[64];

    public int Count { get; private set; }

    public Span<Participant> All => participants.AsSpan(0, Count);

    /// <summary>Where the lines of the next participant start: lines added from here on belong to it.</summary>
    public int NextLineStart => targetedLineCount;

    public ref Participant this[int participant] => ref participants[participant];

    /// <summary>Prepares for an evaluation against a catalog of <paramref name="promotionCount"/> promotions.</summary>
    public void Begin(int promotionCount)
    {
        promotionsAdded.Begin(promotionCount);
        ArrayCapacity.Reserve(ref promotionParticipant, promotionCount);
        Count = 0;
        targetedLineCount = 0;
    }

    public ReadOnlySpan<int> LinesOf(in Participant participant) =>
        targetedLines.AsSpan(participant.LineStart, participant.LineCount);

    public void AddLine(int line)
    {
        ArrayCapacity.GrowForAppend(ref targetedLines, targetedLineCount);
        targetedLines[targetedLineCount++] = line;
    }

    public int Add(in Participant participant)
    {
        ArrayCapacity.GrowForAppend(ref participants, Count);
        participants[Count] = participant;
        return Count++;
    }

    /// <summary>Adds the participant of promotion <paramref name="offerIndex"/>, so the explain report can find it.</summary>
    public void AddPromotion(in Participant participant, int offerIndex)
    {
        promotionsAdded.Mark(offerIndex);
        promotionParticipant[offerIndex] = Add(participant);
    }

    /// <summary>Whether promotion <paramref name="offerIndex"/> became a participant in this evaluation.</summary>
    public bool TryGetPromotion(int offerIndex, out int participant)
    {
        if (promotionsAdded.IsMarked(offerIndex))
        {
            participant = promotionParticipant[offerIndex];
            return true;
        }

        participant = -1;
        return false;
    }

    /// <summary>
    /// Forgets the participants from <paramref name="count"/> on and the lines added from <paramref name="lineStart"/>
    /// on, which puts the set back as it was when <see cref="Count"/> and <see cref="NextLineStart"/> had those values.
    /// </summary>
    public void TruncateTo(int count, int lineStart)
    {
        Array.Clear(participants, count, Count - count);
        Count = count;
        targetedLineCount = lineStart;
    }

    /// <summary>Drops references to offers and code texts.</summary>
    public void Clear()
    {
        Array.Clear(participants, 0, Count);
        Count = 0;
    }
}
