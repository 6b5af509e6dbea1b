using System.Text.RegularExpressions;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// A new lead from a sentence: "新认识一个客户，苏州新锐电子的李工，电话139…" → company 苏州新锐电子, contact 李工, the
/// phone. After a command word the words are read as 新建线索 reads them (<see cref="LeadText.Split"/>).
/// </summary>
internal static partial class LeadReader
{
    public static Meaning Read(Utterance u, Lead? lead)
    {
        var phone = Numbers.Phone(u.Text);
        if (lead is { Command: true })
        {
            var words = LeadText.Split(u.Original[lead.RestStart..]);
            if (!words.IsAmbiguous && words.Company is not null)
                return new Meaning
                {
                    Text = u.Original,
                    Customer = Locate(u, words.Company, lead.RestStart),
                    Contact = words.Contact is null ? null : Locate(u, StripRole(words.Contact), lead.RestStart),
                    Phone = words.Phone is null ? null : PhoneNumber.Normalize(words.Phone) is { Length: > 0 } p ? p : null,
                };
        }
        var cue = Cues.NewLead().Match(u.Lower);
        var company = u.Companies.FirstOrDefault(f => f.Kind == FoundKind.Company && !(cue.Success && f.Start < cue.Index + cue.Length && cue.Index < f.End)
            && !u.Contacts.Any(c => f.Start < c.End && c.Start < f.End));
        var customer = company == default ? null : u.Mention(company.Start, company.Length);
        return new Meaning
        {
            Text = u.Original,
            Customer = customer,
            Contact = Subjects.Contact(u, customer),
            Phone = phone?.Phone,
        };
    }

    private static Mention Locate(Utterance u, string words, int from)
    {
        var at = u.Original.IndexOf(words, from, StringComparison.Ordinal);
        return at >= 0 ? u.Mention(at, words.Length) : new Mention(words, from, 0);
    }

    // 采购陈小姐 → 陈小姐, 联系人何工 → 何工: the role word before the name is not the name.
    private static string StripRole(string contact) => RolePrefix().Replace(contact, "");

    [GeneratedRegex(@"^(?:联系人|采购部?|研发部?|硬件部?|供应链)[:：]?(?=.{2,})")]
    private static partial Regex RolePrefix();
}
