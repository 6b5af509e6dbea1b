using Zhonghan.Core.Sales;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// What a message means: the intent, the slots read from it (customer words as typed, never resolved), how sure the
/// reading is, which required slots are missing (ask for them, never guess), and for <see cref="Intent.Unknown"/>
/// the closest commands with the message's words filled in. Nothing here is written anywhere.
/// </summary>
public sealed record Meaning
{
    /// <summary>At or above this confidence, with nothing missing, a write may be done at once (and offered 撤销).</summary>
    public const double ActThreshold = 0.8;

    public required string Text { get; init; }
    public Intent Intent { get; init; }
    /// <summary>0–1: 0.95 a command word, 0.9 a clear phrasing, 0.75 a typo of a command word or a weaker cue, 0 unknown.</summary>
    public double Confidence { get; init; }

    public Mention? Customer { get; init; }
    /// <summary>A deal or project named (BMS那个单子, 储能项目); for deal intents it stands in for the customer.</summary>
    public Mention? Deal { get; init; }
    public Mention? Contact { get; init; }
    public TouchKind? Kind { get; init; }
    /// <summary>A follow-up's note (the rep's own words) or a reminder's text.</summary>
    public string? Content { get; init; }
    public DateMention? NextDate { get; init; }
    public DateMention? RemindAt { get; init; }
    public string? Reason { get; init; }
    public Stage? Stage { get; init; }
    public IReadOnlyList<PartNeed> Parts { get; init; } = [];
    /// <summary>Money in yuan (80万 → 800000).</summary>
    public decimal? Amount { get; init; }
    /// <summary>A count of parts (500片, 20万片, 200 samples).</summary>
    public long? Quantity { get; init; }
    /// <summary>A phone, normalised (13912345678, 02164850700).</summary>
    public string? Phone { get; init; }
    public PayPeriod? Period { get; init; }

    /// <summary>Required slots the message does not give (for deal intents, Customer means "customer or deal").</summary>
    public IReadOnlyList<Slot> Missing { get; init; } = [];
    /// <summary>For <see cref="Intent.Unknown"/>: the two or three closest commands, best first.</summary>
    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];

    public bool IsWrite => Intent.IsWrite();
    public bool IsComplete => Missing.Count == 0;
    /// <summary>
    /// A write that may be done at once: complete, sure enough, and no date to confirm (a plan's just-passed day,
    /// <see cref="Parsing.DateReading.NeedsConfirmation"/>). Otherwise ask for what is missing, or to confirm.
    /// </summary>
    public bool CanActNow => IsComplete && Confidence >= ActThreshold
        && NextDate?.Reading.NeedsConfirmation != true && RemindAt?.Reading.NeedsConfirmation != true;
}
