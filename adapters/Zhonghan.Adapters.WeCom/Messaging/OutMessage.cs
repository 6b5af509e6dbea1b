using System.Text.Json;
using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Adapters.WeCom.Messaging;

/// <summary>One WeCom app message to one member, as queued: text, markdown, a template card (JSON) or a PNG.</summary>
public sealed class OutMessage
{
    public string Id { get; set; } = "";
    public string User { get; set; } = "";
    /// <summary>text | markdown | template_card | image.</summary>
    public string Kind { get; set; } = "text";
    public string? Text { get; set; }
    public string? CardJson { get; set; }
    public string? ImageBase64 { get; set; }
    /// <summary>"{idempotency key}#{n}": a send repeated after a crash finds it already sent.</summary>
    public string? Key { get; set; }
    public DateTime QueuedAt { get; set; }
    /// <summary>The answer to the member's latest turn: sent before the backlog, never dropped for it.</summary>
    public bool Live { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>The WeCom messages for some replies (and images) to one member, in order.</summary>
    public static List<OutMessage> From(string user, IReadOnlyList<Reply> replies, SendOptions options, string? noticeUrl)
    {
        var list = new List<OutMessage>();
        foreach (var reply in replies)
        {
            if (reply.Card is null)
            {
                list.AddRange(CardText.Split(reply.Text).Select(t => Of(user, "text", t)));
                continue;
            }
            var rendered = TemplateCards.Render(reply.Card, noticeUrl);
            // A reply's text that starts with its card's title is the card's plain-text copy: a card that fits says it all.
            var textIsCardCopy = reply.Text.StartsWith(reply.Card.Title, StringComparison.Ordinal);
            if (rendered.Card is null || rendered.FullText is not null)
            {
                var full = textIsCardCopy ? CardText.Render(reply.Card) : CardText.Render(new Reply { Text = reply.Text, Card = reply.Card });
                list.AddRange(CardText.Split(full).Select(t => Of(user, "text", t)));
            }
            else if (!textIsCardCopy && reply.Text.Length > 0)
                list.AddRange(CardText.Split(reply.Text).Select(t => Of(user, "text", t)));
            if (rendered.Card is not null)
                list.Add(new OutMessage { User = user, Kind = "template_card", CardJson = JsonSerializer.Serialize(rendered.Card, WeComJson.Options) });
        }
        list.AddRange(options.Images.Select(i => new OutMessage { User = user, Kind = "image", ImageBase64 = Convert.ToBase64String(i.Png) }));
        for (var n = 0; n < list.Count; n++)
        {
            list[n].Id = Guid.NewGuid().ToString("N");
            if (options.IdempotencyKey is { } key) list[n].Key = $"{key}#{n}";
        }
        return list;
    }

    private static OutMessage Of(string user, string kind, string text) => new() { User = user, Kind = kind, Text = text };

    /// <summary>Joins queued texts (a member over the pace gets one merged message instead of losing some).</summary>
    public static List<OutMessage> Merge(IReadOnlyList<OutMessage> queued)
    {
        var merged = new List<OutMessage>();
        foreach (var m in queued)
        {
            var last = merged.LastOrDefault();
            if (m.Kind == "text" && last is { Kind: "text" } && last.Live == m.Live
                && System.Text.Encoding.UTF8.GetByteCount(last.Text + "\n\n" + m.Text) <= CardText.TextMaxBytes)
            {
                merged[^1] = new OutMessage
                {
                    Id = last.Id, User = last.User, Kind = "text", Text = last.Text + "\n\n" + m.Text, QueuedAt = last.QueuedAt, Live = last.Live,
                    Parts = [.. last.Parts, m],
                };
                continue;
            }
            merged.Add(m);
        }
        return merged;
    }

    /// <summary>The queued messages this one stands for (itself unless merged): all leave the queue when it is sent.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<OutMessage> Parts
    {
        get => parts ?? [this];
        init => parts = value.ToList();
    }

    private List<OutMessage>? parts;
}
