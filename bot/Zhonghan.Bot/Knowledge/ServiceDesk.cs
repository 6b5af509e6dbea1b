using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Knowledge.Answers;

namespace Zhonghan.Bot.Knowledge;

/// <summary>
/// The customer-service bot: answers customers' product questions with sources, asks "which one?" for a family,
/// says plainly when a part is not in the catalogue and offers a rep, and hands over on "转人工" or when it does not
/// know. Unknown people who ask about parts become leads, so no inquiry is lost.
/// </summary>
public sealed class ServiceDesk(
    KnowledgeResponder responder, CustomerSessions sessions, ExternalContacts contacts, HandOver handOver,
    TimeProvider clock, ILogger<ServiceDesk> log) : ICustomerDesk
{
    /// <summary>After a hand-over, further messages within this time also go to the same rep.</summary>
    public static readonly TimeSpan FollowOn = TimeSpan.FromMinutes(30);

    private static readonly HashSet<string> HumanWords =
        ["转人工", "人工", "人工客服", "转销售", "找销售", "联系销售", "真人", "客服", "human", "agent", "sales", "转接人工"];

    public async Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, string turnId, CancellationToken ct)
    {
        var contact = contacts.Touch(turn.Channel, turn.SenderId, turn.SenderName ?? (turn.Channel == Channels.Local ? turn.SenderId : null));
        var text = TextOf(turn);
        if (turn.Kind == TurnKind.Unsupported)
            return [Reply.Of("收到。目前我只能看懂文字消息，请用文字描述您的问题（例如型号 STM32F103C8T6），或回复“转人工”联系销售。")];
        if (turn.Kind == TurnKind.Welcome || string.IsNullOrWhiteSpace(text)) return [Welcome()];

        var session = sessions.Load(turn.Channel, turn.SenderId);
        sessions.Add(session, true, text);
        var question = Pick(session, text) is { } picked ? picked : text;
        IReadOnlyList<Reply> replies;
        if (HumanWords.Contains(text.Trim().TrimEnd('!', '！', '。').ToLowerInvariant()))
            replies = await HandOverAsync(turn, contact, session, LastQuestion(session) ?? text, "客户要求转人工", ct);
        else
            replies = await AnswerAsync(turn, contact, session, question, ct);
        foreach (var r in replies) sessions.Add(session, false, r.Text);
        sessions.Save(session);
        return replies;
    }

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Turn turn, ExternalContact contact, CustomerSession session, string question, CancellationToken ct)
    {
        var reply = await responder.RespondAsync(question, CustomerSessions.History(session), ct);
        var answer = reply.Offline;
        session.Candidates = answer.Kind == AnswerKind.Family ? answer.Candidates.Select(c => c.Mpn!).ToList() : [];
        var followOn = session.HandedOverTo is not null && clock.GetUtcNow().UtcDateTime - session.HandedOverAt < FollowOn;

        if (reply.Unsure)
        {
            if (followOn) return await ForwardAsync(turn, contact, session, question, ct, "不确定：这个问题我在资料里没有找到可靠的答案，已一并转给销售，请稍候。");
            return await HandOverAsync(turn, contact, session, question, "机器人不确定", ct, "不确定：这个问题我在资料里没有找到可靠的答案。");
        }
        if (answer.AboutParts && contact.CustomerId is null && handOver.RepFor(contact) is { } rep)
        {
            // An unknown person asking about parts is an inquiry: it becomes a lead with the question on record.
            var lead = handOver.EnsureLead(turn, contact, rep, question);
            if (lead is not null) handOver.Notify(rep, turn, contact, lead, question, HandOver.NewLead, session.Lines);
        }
        else if (followOn)
        {
            await ForwardAsync(turn, contact, session, question, ct, null);
        }
        else if (answer.AboutParts && contact.CustomerId is int known && handOver.RepFor(contact) is { } owner)
        {
            // A known customer's part question is a buying signal: it goes on their timeline.
            handOver.LogQuestion(Actor(owner, turn), known, turn, question);
        }
        var result = Reply.Of(reply.Text);
        if (answer.Kind == AnswerKind.Family)
        {
            var card = new Card { Title = answer.English ? "Which part do you mean?" : "请问是哪一个型号？" };
            for (var i = 0; i < answer.Candidates.Count; i++)
                card.Actions.Add(CardAction.Command($"{i + 1}. {answer.Candidates[i].Mpn}", answer.Candidates[i].Mpn!));
            result.Card = card;
        }
        else if (answer.Kind == AnswerKind.NotInCatalogue || answer.Kind == AnswerKind.Suggestions)
        {
            result.Card = new Card
            {
                Title = answer.English ? "Need a person?" : "需要人工帮您确认吗？",
                Actions = [CardAction.Command(answer.English ? "Talk to a rep" : "转人工", "转人工", CardActionStyle.Primary)],
            };
        }
        return [result];
    }

    private async Task<IReadOnlyList<Reply>> HandOverAsync(Turn turn, ExternalContact contact, CustomerSession session, string question,
        string reason, CancellationToken ct, string? prefix = null)
    {
        var rep = handOver.RepFor(contact);
        if (rep is null)
        {
            log.LogWarning("No rep to hand customer {Contact} to", contact.Id);
            return [new Reply { Text = (prefix is null ? "" : prefix + "\n") + "抱歉，现在没有销售在线。您的问题已记录，我们会尽快联系您。", HandOverToHuman = true }];
        }
        var known = contact.CustomerId is not null;
        var customer = handOver.EnsureLead(turn, contact, rep, question);
        if (known && customer is not null)
            handOver.LogQuestion(Actor(rep, turn), customer.Id, turn, question);
        handOver.Notify(rep, turn, contact, customer, question, reason, session.Lines);
        session.HandedOverTo = rep.Id;
        session.HandedOverAt = clock.GetUtcNow().UtcDateTime;
        var text = (prefix is null ? "" : prefix + "\n") + $"已为您转接销售{rep.Name}，TA 会尽快联系您。" +
                   (known ? "" : "方便的话请留下您的公司名称和联系电话，便于销售跟进。");
        return [new Reply { Text = text, HandOverToHuman = true }];
    }

    /// <summary>A message after a hand-over: the rep gets it too (and it is on the customer's timeline).</summary>
    private async Task<IReadOnlyList<Reply>> ForwardAsync(Turn turn, ExternalContact contact, CustomerSession session, string text,
        CancellationToken ct, string? reply)
    {
        var rep = handOver.RepFor(contact);
        if (rep is not null)
        {
            var wasKnown = contact.CustomerId is not null;
            var customer = handOver.EnsureLead(turn, contact, rep, text);
            if (wasKnown && customer is not null) handOver.LogQuestion(Actor(rep, turn), customer.Id, turn, text);
            handOver.Notify(rep, turn, contact, customer, text, "客户补充", session.Lines);
        }
        return reply is null ? [] : [Reply.Of(reply)];
    }

    private static Zhonghan.Core.Security.Actor Actor(Zhonghan.Core.People.User rep, Turn turn) =>
        new() { User = rep, Channel = turn.Channel, MessageId = turn.MessageId };

    /// <summary>"2" or "第2个" after a "which one?" list picks that candidate.</summary>
    private static string? Pick(CustomerSession session, string text)
    {
        if (session.Candidates.Count == 0) return null;
        var t = text.Trim().TrimStart('第').TrimEnd('个', '。', '.', '号');
        return int.TryParse(t, out var n) && n >= 1 && n <= session.Candidates.Count ? session.Candidates[n - 1] : null;
    }

    private static string? LastQuestion(CustomerSession session) =>
        session.Lines.Where(l => l.FromCustomer && !HumanWords.Contains(l.Text.Trim().ToLowerInvariant())).Select(l => l.Text).LastOrDefault();

    private static string TextOf(Turn turn) =>
        turn.Kind == TurnKind.CardAction && turn.Action?.Payload.TryGetValue("text", out var t) == true ? t : turn.Text?.Trim() ?? "";

    private static Reply Welcome() => Reply.Of(
        "您好，这里是众韩电子客服助手。可以直接发型号（如 STM32F103C8T6）查询库存、价格和交期，或问申样、报价、交期等问题；需要人工请回复“转人工”。");
}
