using System.Net;
using System.Text.Json;
using Zhonghan.Adapters.Teams.Model;
using Zhonghan.Core.Conversations;
using Zhonghan.Adapters.Teams.Messaging;

namespace Zhonghan.Adapters.Teams.Mapping;

/// <summary>Builds the activities the bot sends: a reply's text (and its card), an updated card, images.</summary>
public static class OutboundActivities
{
    /// <summary>Teams refuses activities over ~100 KB (UTF-16); keep a margin.</summary>
    internal const int MaxUtf16Bytes = 80 * 1024;
    private const int MaxTextChars = 10_000;
    /// <summary>Inline images travel as data URLs inside the activity, so they must be small.</summary>
    private const int MaxImageBytes = 48 * 1024;

    /// <summary>One message activity for a reply (text and card together), or null when it has neither.</summary>
    public static Activity? FromReply(Reply reply)
    {
        // Commands put a plain-text copy of their card in Text for channels without cards; Teams shows the card, so
        // sending both would show everything twice. Such a copy starts with the card's title.
        var hasText = !string.IsNullOrWhiteSpace(reply.Text) && !IsCopyOfCard(reply);
        if (!hasText && reply.Card is null) return null;
        var activity = new Activity { Type = ActivityTypes.Message };
        if (hasText) SetText(activity, reply.Text);
        if (reply.Card is { } card)
        {
            activity.Attachments = [CardAttachment(card)];
            // The notification preview of a card-only message; with text, Teams previews the text.
            if (!hasText) activity.Summary = card.Title;
        }
        return Fit(activity, reply);
    }

    private static bool IsCopyOfCard(Reply reply) =>
        reply.Card is { Title.Length: > 0 } card && reply.Text.TrimStart().StartsWith(card.Title.Trim(), StringComparison.Ordinal);

    /// <summary>The replacement of a pressed card (PUT): the same message id, the new card.</summary>
    public static Activity CardUpdate(string activityId, Card card) => new()
    {
        Type = ActivityTypes.Message, Id = activityId, Attachments = [CardAttachment(card)], Summary = card.Title,
    };

    public static Attachment CardAttachment(Card card) =>
        new() { ContentType = AdaptiveCardRenderer.ContentType, Content = AdaptiveCardRenderer.Render(card) };

    /// <summary>Images (e.g. digest charts) as inline PNG attachments; ones too large for an activity are named instead.</summary>
    public static Activity? Images(IReadOnlyList<(string Name, byte[] Png)> images)
    {
        if (images.Count == 0) return null;
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [] };
        var skipped = new List<string>();
        foreach (var (name, png) in images)
        {
            if (png.Length > MaxImageBytes) { skipped.Add(name); continue; }
            activity.Attachments.Add(new Attachment { ContentType = "image/png", Name = name, ContentUrl = "data:image/png;base64," + Convert.ToBase64String(png) });
        }
        if (skipped.Count > 0) SetText(activity, $"（图片过大，Teams 中无法显示：{string.Join("、", skipped)}）");
        return activity;
    }

    /// <summary>
    /// Text as Teams HTML ("xml"): escaped, with explicit line breaks. Markdown would swallow single newlines and
    /// read "&lt;公司&gt;" in usage lines as a tag.
    /// </summary>
    internal static void SetText(Activity activity, string text)
    {
        if (text.Length > MaxTextChars) text = text[..MaxTextChars] + "\n…（内容过长，已截断）";
        activity.Text = WebUtility.HtmlEncode(text.Replace("\r\n", "\n")).Replace("\n", "<br>");
        activity.TextFormat = "xml";
    }

    /// <summary>Keeps an activity under the size limit: a too-large card loses its free lines first.</summary>
    private static Activity Fit(Activity activity, Reply reply)
    {
        if (Size(activity) <= MaxUtf16Bytes || reply.Card is null) return activity;
        var trimmed = new Card
        {
            Title = reply.Card.Title, Subtitle = reply.Card.Subtitle, Fields = reply.Card.Fields, Actions = reply.Card.Actions,
            Outcome = reply.Card.Outcome, Lines = reply.Card.Lines.Take(10).Append("…（内容过长，已截断）").ToList(),
        };
        activity.Attachments = [CardAttachment(trimmed)];
        return activity;
    }

    internal static int Size(Activity activity) => JsonSerializer.Serialize(activity, TeamsJson.Options).Length * 2;
}
