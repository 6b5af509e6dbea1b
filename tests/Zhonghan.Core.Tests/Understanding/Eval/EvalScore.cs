using Zhonghan.Core.Parts;
using Zhonghan.Core.Time;
using Zhonghan.Core.Understanding;

namespace Zhonghan.Core.Tests.Understanding.Eval;

/// <summary>How one message was read against what it means.</summary>
public sealed record EvalOutcome(EvalItem Item, Meaning Actual, bool IntentRight, IReadOnlyList<string> SlotErrors, bool WrongWrite, bool? Asked)
{
    public bool SlotsRight => IntentRight && SlotErrors.Count == 0;
    public override string ToString() =>
        $"{Item.Text} → {Actual.Intent} (expected {Item.Intent}){(SlotErrors.Count > 0 ? ": " + string.Join("; ", SlotErrors) : "")}";
}

/// <summary>Scores a meaning: the intent, the slots that intent carries, wrong writes, and "asked instead of guessed".</summary>
public static class EvalScore
{
    public static EvalOutcome Score(EvalItem e, Meaning m)
    {
        var intentRight = m.Intent.ToString() == e.Intent;
        var errors = new List<string>();
        if (intentRight) Compare(e, m, errors);
        // A wrong write: a write where none was meant, another write, or one with a wrong customer (a missing one is
        // asked for, not written) or a wrong or missed date (the write would happen without it).
        var subject = m.Customer?.Text ?? m.Deal?.Text;
        var wrongWrite = m.IsWrite && (!intentRight || subject is not null && Mismatch(e.Customer ?? e.Deal, subject)
            || Mismatch(e.Next, Day(m.NextDate)) || Mismatch(e.At, Day(m.RemindAt)));
        bool? asked = e.Missing.Length == 0 ? null : intentRight && e.Missing.All(s => m.Missing.Any(x => x.ToString() == s));
        return new EvalOutcome(e, m, intentRight, errors, wrongWrite, asked);
    }

    private static void Compare(EvalItem e, Meaning m, List<string> errors)
    {
        void Check(string slot, string? expected, string? actual)
        {
            if (Mismatch(expected, actual)) errors.Add($"{slot} “{actual}” ≠ “{expected}”");
        }
        var slots = Slots(e.Intent);
        if (slots.Contains("customer")) Check("customer", e.Customer, m.Customer?.Text);
        if (slots.Contains("deal")) Check("deal", e.Deal, m.Deal?.Text);
        if (slots.Contains("contact")) Check("contact", e.Contact, m.Contact?.Text);
        if (slots.Contains("kind")) Check("kind", e.Kind, m.Kind?.ToString());
        if (slots.Contains("content"))
            Check("content", e.Content ?? (e.Intent == "LogFollowUp" ? e.Text.Trim().TrimEnd('。', '.', '!', '！') : null), m.Content);
        if (slots.Contains("next")) Check("next", e.Next, Day(m.NextDate));
        if (slots.Contains("at")) Check("at", e.At, Day(m.RemindAt));
        if (slots.Contains("reason")) Check("reason", e.Reason, m.Reason);
        if (slots.Contains("stage")) Check("stage", e.Stage, m.Stage?.ToString());
        if (slots.Contains("phone")) Check("phone", e.Phone, m.Phone);
        if (slots.Contains("period")) Check("period", e.Period, m.Period?.ToString());
        if (slots.Contains("quantity")) Check("quantity", e.Quantity?.ToString(), m.Quantity?.ToString());
        if (slots.Contains("amount")) Check("amount", e.Amount?.ToString("0.##"), m.Amount?.ToString("0.##"));
        if (slots.Contains("parts"))
        {
            Check("parts", Join(e.Parts.Select(Mpn.Norm)), Join(m.Parts.Select(p => p.Norm)));
            if (e.Parts.Length > 0) Check("sample", e.Sample.ToString(), m.Parts.Any(p => p.Sample).ToString());
        }
        Check("missing", Join(e.Missing), Join(m.Missing.Select(s => s.ToString())));
    }

    /// <summary>The slots each intent is judged on.</summary>
    public static string[] Slots(string intent) => intent switch
    {
        "LogFollowUp" => ["customer", "contact", "kind", "content", "next", "parts", "quantity", "amount"],
        "SetReminder" => ["at", "customer", "content"],
        "NewLead" => ["customer", "contact", "phone"],
        "ReturnToPool" => ["customer", "reason"],
        "AdvanceDeal" => ["customer", "deal", "stage"],
        "LoseDeal" => ["customer", "deal", "reason"],
        "ListPay" => ["period"],
        "PartQuestion" => ["parts"],
        _ when intent.StartsWith("Ask", StringComparison.Ordinal) => ["customer", "deal", "contact"],
        _ => [],
    };

    public static string? Day(DateMention? d)
    {
        if (d is null) return null;
        var date = d.Reading.Date;
        return date.DateOnly ? date.LocalDay.ToString("yyyy-MM-dd") : BusinessTime.ToLocal(date.Utc).ToString("yyyy-MM-dd HH:mm");
    }

    private static bool Mismatch(string? expected, string? actual) =>
        !string.Equals(expected ?? "", actual ?? "", StringComparison.Ordinal);

    private static string? Join(IEnumerable<string> values)
    {
        var s = string.Join(",", values.Order(StringComparer.Ordinal));
        return s.Length == 0 ? null : s;
    }
}
