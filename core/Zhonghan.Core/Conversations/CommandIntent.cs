using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Conversations;

/// <summary>
/// What a button (or a hint in a message) asks the bot to do, named by what it does — the core holds no command
/// words. The bot's command table knows which command serves each kind and renders it into that command's words.
/// </summary>
public enum ActionKind
{
    OpenCustomer, LogFollowUp, PlanFollowUp, Reassign, Claim, ReturnToPool, MyLeads, Today, Pool,
    OpenOpportunity, AddPart, Advance, Lose, Inquiry, AskPrices, Price, Quote, Quotation, Approve, PendingApprovals,
    RequestSample, ShipSample, ReceiveSample, TestResult, Order, Ship, CancelReminder, Lookup,
}

/// <summary>
/// A typed action: its kind and typed arguments, each filling the command's parameter of that type (a customer or an
/// opportunity by id, a document number, a date as typed, a text value). Arguments not given are asked for.
/// </summary>
public sealed record CommandIntent(ActionKind Kind)
{
    public int? Customer { get; init; }
    public int? Opportunity { get; init; }
    public DocCode? Document { get; init; }
    /// <summary>A date or time as the user types it (明天, 3天后, 下周一): pressed days later, it means the day after the press.</summary>
    public string? When { get; init; }
    /// <summary>The value of the command's first text or choice parameter (a stage, a page, a reminder number, a part).</summary>
    public string? Text { get; init; }

    public static CommandIntent OfCustomer(ActionKind kind, int customerId, string? when = null) => new(kind) { Customer = customerId, When = when };

    public static CommandIntent OfOpportunity(ActionKind kind, int opportunityId) => new(kind) { Opportunity = opportunityId };

    public static CommandIntent OfDocument(ActionKind kind, CodeKind code, int number) => new(kind) { Document = new DocCode(code, number) };
}

/// <summary>The bot's words for typed actions (its command table): the core asks, so renaming a command breaks nothing.</summary>
public interface ICommandWords
{
    /// <summary>The command's word, Chinese or its English word.</summary>
    string Word(ActionKind kind, bool english = false);

    /// <summary>What to type to do it: the word and the given arguments (下次跟进 #12 明天); the command asks for the rest.</summary>
    string Text(CommandIntent intent);

    /// <summary>How to write it: the given arguments, then each other value as its usage (发货 O7 &lt;数量&gt; [快递单号]).</summary>
    /// <param name="optional">Also show the optional values (in brackets).</param>
    string Usage(CommandIntent intent, bool optional = false, bool english = false);
}

public static class CommandButtons
{
    /// <summary>Turns every typed button of the replies into the command text channels carry (in place).</summary>
    public static IReadOnlyList<Reply> Render(this IReadOnlyList<Reply> replies, ICommandWords words)
    {
        foreach (var action in replies.SelectMany(r => r.Card?.Actions ?? []))
        {
            if (action.Intent is not { } intent) continue;
            action.Payload = new() { ["text"] = words.Text(intent) };
            action.Intent = null;
        }
        return replies;
    }
}
