namespace Zhonghan.Core.Understanding;

/// <summary>What a rep's message asks for. Each maps to one command of the bot's command table.</summary>
public enum Intent
{
    /// <summary>Not understood: see <see cref="Meaning.Suggestions"/>.</summary>
    Unknown,
    /// <summary>Log a follow-up (跟进): customer, contact, kind, content, next date, parts the customer needs.</summary>
    LogFollowUp,
    /// <summary>Set a reminder (提醒): time, what, and the customer when one is named.</summary>
    SetReminder,
    /// <summary>A customer's card (客户): status and what is known.</summary>
    AskStatus,
    /// <summary>Whose customer it is.</summary>
    AskOwner,
    /// <summary>The customer's contacts and phones.</summary>
    AskContacts,
    /// <summary>The customer's last follow-ups.</summary>
    AskFollowUps,
    /// <summary>The customer's open deals (or the deal named).</summary>
    AskDeals,
    /// <summary>Money the customer (or the deal) still owes: receivables and payments.</summary>
    AskOwed,
    /// <summary>Today's plan: due and overdue follow-ups (今日待办).</summary>
    ListToday,
    /// <summary>Overdue follow-ups.</summary>
    ListOverdue,
    /// <summary>The sender's leads and customers (我的线索).</summary>
    ListMyLeads,
    /// <summary>The sender's deals (我的商机).</summary>
    ListMyDeals,
    /// <summary>The pipeline by stage (漏斗).</summary>
    ListPipeline,
    /// <summary>Pay and commission for this month or quarter (业绩).</summary>
    ListPay,
    /// <summary>A new lead from a sentence (新建线索): company, contact, phone.</summary>
    NewLead,
    /// <summary>Return a customer to the public pool with a reason (退回公海).</summary>
    ReturnToPool,
    /// <summary>Advance a deal to a stage (推进).</summary>
    AdvanceDeal,
    /// <summary>Mark a deal lost with a reason (丢单).</summary>
    LoseDeal,
    /// <summary>A product question for the knowledge base.</summary>
    PartQuestion,
    /// <summary>Help, a greeting or thanks.</summary>
    Help,
}

/// <summary>Facts about intents the caller needs: which write, and which slots they cannot do without.</summary>
public static class Intents
{
    /// <summary>True for intents that change data (and so need 撤销 and every required slot certain).</summary>
    public static bool IsWrite(this Intent intent) => intent is Intent.LogFollowUp or Intent.SetReminder or Intent.NewLead
        or Intent.ReturnToPool or Intent.AdvanceDeal or Intent.LoseDeal;

    /// <summary>
    /// The slots without which the intent cannot run. <see cref="Slot.Customer"/> for a deal intent means "the
    /// customer or the deal": either one is enough.
    /// </summary>
    public static IReadOnlyList<Slot> Required(this Intent intent) => intent switch
    {
        Intent.LogFollowUp => [Slot.Customer, Slot.Content],
        Intent.SetReminder => [Slot.RemindAt, Slot.Content],
        Intent.AskStatus or Intent.AskOwner or Intent.AskContacts or Intent.AskFollowUps or Intent.AskDeals or Intent.AskOwed => [Slot.Customer],
        Intent.NewLead => [Slot.Customer],
        Intent.ReturnToPool => [Slot.Customer, Slot.Reason],
        Intent.AdvanceDeal => [Slot.Customer, Slot.Stage],
        Intent.LoseDeal => [Slot.Customer, Slot.Reason],
        _ => [],
    };

    /// <summary>Intents for which a named deal stands in for the customer.</summary>
    public static bool TakesDeal(this Intent intent) =>
        intent is Intent.AskDeals or Intent.AskOwed or Intent.AdvanceDeal or Intent.LoseDeal;
}
