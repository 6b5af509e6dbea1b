using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Pipeline;

/// <summary>One turn in flight: the inbound turn, the resolved user, the language and the dialog state.</summary>
public sealed class TurnContext
{
    public required Turn Turn { get; init; }
    public required User User { get; init; }
    public required string TurnId { get; init; }
    /// <summary>Answer in English (the user typed an English command, or the dialog started in English).</summary>
    public bool English { get; set; }
    /// <summary>The active dialog, if any (loaded before routing, saved after).</summary>
    public DialogState? Dialog { get; set; }

    public Actor Actor => new() { User = User, Channel = Turn.Channel, MessageId = Turn.MessageId };

    public string Text => Turn.Text?.Trim() ?? "";

    /// <summary>Chinese or English, by the turn's language.</summary>
    public string L(string zh, string en) => English ? en : zh;
}
