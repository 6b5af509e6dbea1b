namespace Zhonghan.Core.Conversations;

/// <summary>One outbound message: text, an optional card, or both.</summary>
public sealed class Reply
{
    public string Text { get; set; } = "";
    public Card? Card { get; set; }
    /// <summary>When answering a card action: replace the pressed card with this reply's card (shows the outcome).</summary>
    public bool UpdatesCard { get; set; }
    /// <summary>
    /// For customer conversations: the bot hands this customer to a person now (WeChat customer service moves the
    /// session to a human servicer; other channels just send the text).
    /// </summary>
    public bool HandOverToHuman { get; set; }
    /// <summary>
    /// With <see cref="HandOverToHuman"/>: who takes the customer, as the channel knows them (a WeCom userid for 微信客服).
    /// The bot decides it; null = the channel's queue of waiting customers.
    /// </summary>
    public string? HandOverTo { get; set; }

    public static Reply Of(string text) => new() { Text = text };
    public static Reply WithCard(string text, Card card) => new() { Text = text, Card = card };
}
