using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// A follow-up's slots: the customer and contact, the kind of touch, the note (the rep's own words, without a
/// request to record), the next date (下周三再跟进, 月底前回复) and the parts the customer needs (their samples, their count).
/// </summary>
internal static class FollowUpReader
{
    public static Meaning Read(Utterance u, Lead? lead)
    {
        var from = lead?.RestStart ?? 0;
        Mention? customer;
        int noteFrom;
        if (lead is { Command: true })
        {
            customer = Subjects.FirstWord(u, from);
            noteFrom = customer?.End ?? from;
        }
        else
        {
            customer = Subjects.Of(u, from).Customer;
            noteFrom = from;
        }
        var next = NextDatePhrase.TryFindIn(u.Text, u.Dates, u.Now, out var found) ? DateMention.From(found) : null;
        return new Meaning
        {
            Text = u.Original,
            Customer = customer,
            Contact = Subjects.Contact(u, customer, from),
            Kind = from == 0 ? u.Kind : TouchKinds.Find(u.Lower, from),
            Content = Note(u.Original[noteFrom..]),
            NextDate = next,
            Parts = Parts(u, samples: PartFinder.WantsSamples(u.Lower)),
            Quantity = Numbers.Quantity(u.Text),
            Amount = Numbers.Amount(u.Text),
        };
    }

    /// <summary>The parts named, with the count when only one part is named; <paramref name="samples"/>: the customer wants samples.</summary>
    public static IReadOnlyList<PartNeed> Parts(Utterance u, bool samples = false)
    {
        var parts = u.Parts;
        if (parts.Count == 0) return [];
        var quantity = parts.Count == 1 ? Numbers.Quantity(u.Text) : null;
        return parts.Select(p => new PartNeed(p.Token.Raw, p.Token.Norm, samples, quantity)).ToList();
    }

    private static string? Note(string text)
    {
        var note = text.Trim().TrimEnd('。', '.', '!', '！', '~', '～').Trim();
        return note.Length == 0 ? null : note;
    }
}
