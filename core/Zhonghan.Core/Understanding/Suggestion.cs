namespace Zhonghan.Core.Understanding;

/// <summary>A slot of a suggested command: the message's words for it, or null when the rep still has to write it.</summary>
public readonly record struct SlotText(Slot Slot, string? Text);

/// <summary>
/// One of the closest commands for a message that was not understood, with the message's words in the command's
/// order. The bot knows the command words; <see cref="Example"/> writes the ready example with one of them.
/// </summary>
public sealed record Suggestion(Intent Intent, double Score, IReadOnlyList<SlotText> Values)
{
    /// <summary>"跟进 汇川 拜访王工 下次 下周三": the command word, then each value or its placeholder (&lt;公司&gt;).</summary>
    public string Example(string commandWord, bool english = false) =>
        string.Join(" ", Values.Select(v => v.Text ?? Placeholder(v.Slot, english)).Prepend(commandWord)).Trim();

    public static string Placeholder(Slot slot, bool english = false) => slot switch
    {
        Slot.Customer => english ? "<company>" : "<公司>",
        Slot.Deal => english ? "<deal>" : "<商机>",
        Slot.Contact => english ? "<contact>" : "<联系人>",
        Slot.Content => english ? "<note>" : "<内容>",
        Slot.NextDate or Slot.RemindAt => english ? "<date>" : "<日期>",
        Slot.Reason => english ? "<reason>" : "<原因>",
        Slot.Stage => english ? "<stage>" : "<阶段>",
        Slot.Phone => english ? "<phone>" : "<电话>",
        Slot.Parts => english ? "<part>" : "<型号>",
        _ => english ? $"<{slot.ToString().ToLowerInvariant()}>" : $"<{slot}>",
    };
}
