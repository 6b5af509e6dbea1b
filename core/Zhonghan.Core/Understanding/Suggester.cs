namespace Zhonghan.Core.Understanding;

/// <summary>
/// For a message not understood, the two or three closest commands, each filled with what the message gives:
/// a company → its card and a follow-up on it; a date → a reminder; a part → a product question; nothing → help,
/// today's plan and a follow-up to fill in.
/// </summary>
internal static class Suggester
{
    public static IReadOnlyList<Suggestion> For(Utterance u)
    {
        var (customer, _) = Subjects.Of(u);
        var date = u.Dates.FirstOrDefault();
        var parts = u.Parts;
        var text = u.Original.Trim();
        var rest = customer is null ? text : Without(text, customer.Text);
        var list = new List<Suggestion>();
        void Add(Intent i, double score, params SlotText[] values) => list.Add(new Suggestion(i, score, values));

        if (parts.Count > 0) Add(Intent.PartQuestion, 0.6, new SlotText(Slot.Parts, parts[0].Token.Raw));
        if (customer is not null)
        {
            Add(Intent.AskStatus, 0.5, new SlotText(Slot.Customer, customer.Text));
            // A free-text follow-up keeps the whole sentence as its note; alone, the name leaves the note to write.
            Add(Intent.LogFollowUp, 0.4, new SlotText(Slot.Customer, customer.Text), new SlotText(Slot.Content, Nullify(rest) is null ? null : text));
        }
        if (date is not null)
        {
            // A date with other words is most likely something to be reminded of, named customer and all.
            var what = Nullify(Without(text, date.Text));
            Add(Intent.SetReminder, what is null ? 0.45 : 0.55, new SlotText(Slot.RemindAt, date.Text), new SlotText(Slot.Content, what));
            if (customer is null) Add(Intent.LogFollowUp, 0.3, new SlotText(Slot.Customer, null), new SlotText(Slot.Content, text));
        }
        if (list.Count < 2) Add(Intent.LogFollowUp, 0.2, new SlotText(Slot.Customer, null), new SlotText(Slot.Content, null));
        if (list.Count < 3) Add(Intent.ListToday, 0.15);
        if (list.Count < 3) Add(Intent.Help, 0.1);
        return list.GroupBy(s => s.Intent).Select(g => g.First()).OrderByDescending(s => s.Score).Take(3).ToList();
    }

    private static string Without(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        return at < 0 ? text : (text[..at] + text[(at + words.Length)..]).Trim(' ', '，', ',', '的');
    }

    private static string? Nullify(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
