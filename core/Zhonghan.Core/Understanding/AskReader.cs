namespace Zhonghan.Core.Understanding;

/// <summary>A question about a customer: the customer (or the deal) asked about, and the contact when one is named.</summary>
internal static class AskReader
{
    public static Meaning Read(Utterance u, Lead? lead, Intent intent)
    {
        var (customer, deal) = lead is { Command: true } ? (Subjects.FirstWord(u, lead.RestStart), null) : Subjects.Of(u);
        return new Meaning
        {
            Text = u.Original,
            Customer = customer,
            Deal = intent.TakesDeal() ? deal : null,
            Contact = Subjects.Contact(u, customer),
        };
    }
}
