using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// Decides the intent, in a fixed order that says which reading wins: a command word or a request to record,
/// then help, reminders, new leads, lists, the pool, lost and advanced deals, product questions, questions about a
/// customer, and last what the rep did (a follow-up). A question never becomes a write: "海康那个单子还能推进吗" asks.
/// </summary>
internal static class IntentRules
{
    public static (Intent Intent, double Confidence) Decide(Utterance u, Lead? lead)
    {
        if (lead is not null) return (lead.Intent, lead.Confidence);
        var t = u.Lower;
        if (Cues.Greeting().IsMatch(t) || Cues.HelpAsk().IsMatch(t)) return (Intent.Help, 0.9);
        if (Cues.Reminder().IsMatch(t)) return (Intent.SetReminder, 0.9);
        if (Cues.NewLead().IsMatch(t)) return (Intent.NewLead, 0.9);
        if (List(u) is Intent list) return (list, 0.9);

        var question = u.IsQuestion;
        if (Cues.Pool().IsMatch(t)) return question ? (Intent.AskStatus, 0.8) : (Intent.ReturnToPool, 0.9);
        var deal = Cues.DealWord().IsMatch(t) || u.Companies.Any(f => f.Kind == FoundKind.Project);
        if (Cues.Lose().IsMatch(t) && (deal || t.Contains("丢单"))) return question ? (Intent.AskDeals, 0.8) : (Intent.LoseDeal, 0.9);
        if (Cues.Advance().IsMatch(t)) return question ? (Intent.AskDeals, 0.8) : (Intent.AdvanceDeal, 0.9);

        var parts = u.Parts.Count > 0;
        var touched = Touched(u);
        var product = Cues.Product().IsMatch(t);
        if (parts && (question || product) && !(touched && !question)) return (Intent.PartQuestion, 0.85);
        if (!parts && product && question && Cues.ProductTopic().IsMatch(t)) return (Intent.PartQuestion, 0.8);
        var subject = u.Companies.Count > 0;
        if (question || AskTopics.IsAsk(t))
        {
            if (subject || Cues.ThatCustomer().IsMatch(t)) return (AskTopics.Of(t), 0.85);
            if (parts) return (Intent.PartQuestion, 0.75);
            if (question) return (Intent.Unknown, 0);
        }
        if (touched) return (Intent.LogFollowUp, 0.85);
        return parts ? (Intent.PartQuestion, 0.75) : (Intent.Unknown, 0);
    }

    private static Intent? List(Utterance u)
    {
        var t = u.Lower;
        if (Cues.Pay().IsMatch(t)) return Intent.ListPay;
        if (Cues.Pipeline().IsMatch(t)) return Intent.ListPipeline;
        if (Cues.MyDeals().IsMatch(t)) return Intent.ListMyDeals;
        if (Cues.MyLeads().IsMatch(t)) return Intent.ListMyLeads;
        if (Cues.Overdue().IsMatch(t) && !AskTopics.IsOwed(t)) return Intent.ListOverdue;
        if (Cues.Today().IsMatch(t) && Cues.ListObject().IsMatch(t)) return Intent.ListToday;
        return null;
    }

    /// <summary>
    /// The message tells what happened with a customer: a kind of touch, a next date, or what they said — about a
    /// named customer or contact, or (without one) in the past tense ("打了个电话 客户说考虑一下").
    /// </summary>
    private static bool Touched(Utterance u)
    {
        var t = u.Lower;
        var past = Cues.PastTouch().IsMatch(t);
        var next = NextDatePhrase.TryFindIn(u.Text, u.Dates, u.Now, out _);
        var kind = u.KindAt is { } k && (past || next || !Planned(u, k.At));
        var told = kind || next || past || Cues.Reported().IsMatch(t);
        if (!told) return false;
        var named = u.Companies.Any(f => f.Kind == FoundKind.Company) || u.Contacts.Count > 0;
        return named || past || Cues.CustomerWord().IsMatch(t);
    }

    /// <summary>A touch still to come: a later day in the clause of the kind word ("下周三跟汇川开会", "call Chint tomorrow").</summary>
    private static bool Planned(Utterance u, int kindAt)
    {
        var today = DateOnly.FromDateTime(Time.BusinessTime.ToLocal(u.Now.UtcDateTime));
        var start = u.Text.LastIndexOfAny(ClauseEnds, kindAt) + 1;
        var end = u.Text.IndexOfAny(ClauseEnds, kindAt) is var e and >= 0 ? e : u.Text.Length;
        return u.Dates.Any(d => d.Start >= start && d.End <= end && d.Reading.Date.LocalDay > today);
    }

    private static readonly char[] ClauseEnds = [',', '，', '。', ';', '；', '!', '！', '?', '？'];
}
