namespace Zhonghan.Core.Understanding;

/// <summary>
/// The offline understanding engine: reads a rep's message (Chinese, English or both) into a <see cref="Meaning"/>.
/// Pure and fast (no model, no storage, no I/O; the clock is passed in, dates are Asia/Shanghai business time).
/// It never resolves a customer and never writes anything: the caller resolves the words and decides.
/// </summary>
public static class MessageReader
{
    /// <summary>Longer messages are not read (a pasted document is no command).</summary>
    public const int MaxLength = 300;

    public static Meaning Read(string? text, TimeProvider clock) => Read(text, clock.GetUtcNow());

    public static Meaning Read(string? text, DateTimeOffset now)
    {
        var original = text ?? "";
        if (original.Trim().Length == 0 || original.Length > MaxLength)
            return new Meaning { Text = original, Intent = Intent.Unknown };
        var u = new Utterance(original, now);
        var lead = CommandLeads.Match(u);
        var (intent, confidence) = IntentRules.Decide(u, lead);
        var meaning = intent switch
        {
            Intent.LogFollowUp => FollowUpReader.Read(u, lead),
            Intent.SetReminder => ReminderReader.Read(u),
            Intent.NewLead => LeadReader.Read(u, lead),
            Intent.ReturnToPool or Intent.LoseDeal or Intent.AdvanceDeal => DealReader.Read(u, lead, intent),
            Intent.ListPay => new Meaning { Text = original, Period = Periods.Of(u.Lower) },
            Intent.PartQuestion => new Meaning { Text = original, Parts = FollowUpReader.Parts(u) },
            _ when intent.ToString().StartsWith("Ask", StringComparison.Ordinal) => AskReader.Read(u, lead, intent),
            _ => new Meaning { Text = original },
        };
        meaning = meaning with { Text = original, Intent = intent, Confidence = confidence };
        meaning = meaning with { Missing = MissingSlots(meaning) };
        return intent == Intent.Unknown ? meaning with { Suggestions = Suggester.For(u) } : meaning;
    }

    private static List<Slot> MissingSlots(Meaning m)
    {
        var missing = new List<Slot>();
        foreach (var slot in m.Intent.Required())
        {
            var has = slot switch
            {
                Slot.Customer => m.Customer is not null || (m.Intent.TakesDeal() && m.Deal is not null),
                Slot.Content => !string.IsNullOrWhiteSpace(m.Content),
                Slot.RemindAt => m.RemindAt is not null,
                Slot.Reason => !string.IsNullOrWhiteSpace(m.Reason),
                Slot.Stage => m.Stage is not null,
                _ => true,
            };
            if (!has) missing.Add(slot);
        }
        return missing;
    }
}
