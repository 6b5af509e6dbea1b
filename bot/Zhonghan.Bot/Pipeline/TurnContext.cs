using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// One turn in flight: the inbound turn, the resolved user, the language, and the dialog — the one the user is
/// answering, and what the turn leaves waiting (<see cref="Ask"/> / <see cref="EndDialog"/>), which the pipeline saves
/// once after routing. Routes and commands never store dialogs themselves.
/// </summary>
public sealed class TurnContext
{
    public required Turn Turn { get; init; }
    public required User User { get; init; }
    public required string TurnId { get; init; }
    /// <summary>Answer in English (the user typed an English command, or the dialog started in English).</summary>
    public bool English { get; set; }
    /// <summary>The dialog the user is answering (loaded before routing), or null.</summary>
    public DialogState? Dialog { get; init; }
    /// <summary>What this turn leaves waiting, when it changed it (see <see cref="DialogChanged"/>).</summary>
    public DialogState? NextDialog { get; private set; }
    public bool DialogChanged { get; private set; }

    public Actor Actor => new() { User = User, Channel = Turn.Channel, MessageId = Turn.MessageId };

    public string Text => Turn.Text?.Trim() ?? "";

    /// <summary>The turn ends waiting for <paramref name="next"/> (a value, a choice, 是/否).</summary>
    public void Ask(DialogState next)
    {
        NextDialog = next;
        DialogChanged = true;
    }

    /// <summary>The turn ends the dialog (answered, cancelled, or replaced by a new command).</summary>
    public void EndDialog()
    {
        NextDialog = null;
        DialogChanged = true;
    }

    /// <summary>Chinese or English, by the turn's language.</summary>
    public string L(string zh, string en) => English ? en : zh;
}
