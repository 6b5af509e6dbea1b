namespace Zhonghan.Core.Conversations;

/// <summary>What a waiting dialog expects: a value for a parameter, a number from a list, or 是 / 否.</summary>
public enum DialogWait { Value, Choice, YesNo }

/// <summary>
/// A command waiting for the user's answer: one per user, for 30 minutes, saved once per turn by the bot's pipeline.
/// The command is named by its stable id in the command table (never by its word); <see cref="Values"/> hold what
/// the user gave so far by parameter key, as typed.
/// </summary>
public sealed class DialogState
{
    /// <summary>"{userId}" — one dialog per user.</summary>
    public string Id { get; set; } = "";
    /// <summary>The command's id in the table.</summary>
    public string Command { get; set; } = "";
    public DialogWait Waits { get; set; }
    /// <summary>The parameter asked for.</summary>
    public string Pending { get; set; } = "";
    public Dictionary<string, string> Values { get; set; } = new();
    /// <summary>For <see cref="DialogWait.Choice"/>: what each number stands for (1 = the first).</summary>
    public List<int> Options { get; set; } = new();
    /// <summary>For <see cref="DialogWait.YesNo"/>: the value 是 takes (a plan date that just passed, as "2027-12-07").</summary>
    public string? Proposed { get; set; }
    public bool English { get; set; }
    public DateTime ExpiresAt { get; set; }
}
