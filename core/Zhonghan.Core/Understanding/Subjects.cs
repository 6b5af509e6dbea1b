using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Understanding;

/// <summary>Who and what a message is about: the customer, the deal, the contact, as typed.</summary>
internal static class Subjects
{
    /// <summary>The customer (first company words) and the deal (first project words) from <paramref name="from"/> on.</summary>
    public static (Mention? Customer, Mention? Deal) Of(Utterance u, int from = 0)
    {
        var company = u.Companies.FirstOrDefault(f => f.Kind == FoundKind.Company && f.Start >= from && !InContact(u, f));
        var project = u.Companies.FirstOrDefault(f => f.Kind == FoundKind.Project && f.Start >= from);
        return (At(u, company), At(u, project));
    }

    /// <summary>After a command word the company is the first word ("跟近 正泰 电话沟通" → 正泰), as the command reads it.</summary>
    public static Mention? FirstWord(Utterance u, int from)
    {
        var rest = u.Text[from..];
        var token = Tokenizer.Tokens(rest).FirstOrDefault();
        if (token.Text is null || token.Text.Length == 0) return null;
        var start = from + token.Start + (token.Quoted ? 1 : 0);
        return u.Mention(start, token.Text.Length);
    }

    /// <summary>The first person named after <paramref name="from"/>, outside the customer's words.</summary>
    public static Mention? Contact(Utterance u, Mention? customer, int from = 0)
    {
        foreach (var c in u.Contacts)
        {
            if (c.Start < from || customer is not null && c.Start < customer.End && customer.Start < c.End) continue;
            return u.Mention(c.Start, c.Length);
        }
        return null;
    }

    private static bool InContact(Utterance u, Found f) => u.Contacts.Any(c => f.Start < c.End && c.Start < f.End);

    private static Mention? At(Utterance u, Found f) => f == default ? null : u.Mention(f.Start, f.Length);
}
