using System.Security.Cryptography;
using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Core.Conversations;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Adapters.WeCom.Mapping;

/// <summary>
/// A core <see cref="Card"/> as a WeCom template card: buttons → button_interaction, none → text_notice (which WeCom
/// only accepts with a link, so without <c>NoticeUrl</c> a notice goes as text). Template cards hold little
/// (title 26 characters, 6 fields, 112 characters of lines, 6 buttons), so a card that does not fit also goes as
/// full text beside a compact card: nothing is cut away unseen.
/// </summary>
public static class TemplateCards
{
    private const int MaxFields = 6, MaxButtons = 6, TitleMax = 26, DescMax = 30, KeyMax = 5, ValueMax = 26, LinesMax = 112, ButtonMax = 10;

    public sealed record Rendered(TemplateCard? Card, string? FullText);

    public static Rendered Render(Card card, string? noticeUrl)
    {
        var buttons = Buttons(card, out var buttonsFit);
        var fits = buttonsFit && Fits(card);
        if (buttons.Count == 0 && string.IsNullOrWhiteSpace(noticeUrl)) return new Rendered(null, CardText.Render(card));
        var template = new TemplateCard
        {
            CardType = buttons.Count > 0 ? "button_interaction" : "text_notice",
            MainTitle = new CardTitle(CardText.Clip(card.Title, TitleMax), NullIfEmpty(CardText.Clip(card.Subtitle, DescMax))),
            SubTitleText = NullIfEmpty(CardText.Clip(string.Join("\n", card.Lines), LinesMax)),
            HorizontalContentList = card.Fields.Count == 0 ? null
                : card.Fields.Take(MaxFields).Select(f => new HorizontalContent(CardText.Clip(f.Label, KeyMax), CardText.Clip(f.Value, ValueMax))).ToList(),
            CardAction = buttons.Count == 0 ? new CardJump(1, noticeUrl!) : null,
            TaskId = buttons.Count > 0 ? NewTaskId() : null,
            ButtonList = buttons.Count > 0 ? buttons : null,
            ReplaceText = buttons.Count > 0 && !string.IsNullOrWhiteSpace(card.Outcome) ? card.Outcome : null,
        };
        return new Rendered(template, fits ? null : CardText.Render(card));
    }

    /// <summary>The update shown after a button press: the card with its buttons greyed out under the outcome.</summary>
    /// <param name="taskId">The pressed card's task id (an updated card keeps it).</param>
    public static CardUpdate Update(Card card, string userId, int agentId, string responseCode, string? taskId, string fallbackOutcome)
    {
        var outcome = CardText.Clip(string.IsNullOrWhiteSpace(card.Outcome) ? fallbackOutcome : card.Outcome, 26);
        var rendered = card.Actions.Count > 0 ? Render(card, null).Card : null;
        return new CardUpdate
        {
            Userids = [userId], Agentid = agentId, ResponseCode = responseCode,
            TemplateCard = rendered is null ? null : CopyWithOutcome(rendered, outcome, taskId),
            Button = rendered is null ? new ReplaceButton(outcome) : null,
        };
    }

    private static TemplateCard CopyWithOutcome(TemplateCard t, string outcome, string? taskId) => new()
    {
        CardType = t.CardType, MainTitle = t.MainTitle, SubTitleText = t.SubTitleText, HorizontalContentList = t.HorizontalContentList,
        TaskId = taskId is { Length: > 0 } ? taskId : t.TaskId, ButtonList = t.ButtonList, ReplaceText = outcome,
    };

    private static List<CardButton> Buttons(Card card, out bool allFit)
    {
        var list = new List<CardButton>();
        allFit = card.Actions.Count <= MaxButtons;
        foreach (var a in card.Actions.Take(MaxButtons))
        {
            var key = CardKeys.Encode(a);
            if (key is null || list.Any(b => b.Key == key)) { allFit = false; continue; }
            var style = a.Style switch { CardActionStyle.Primary => 1, CardActionStyle.Danger => 3, _ => 2 };
            list.Add(new CardButton(CardText.Clip(a.Title, ButtonMax), style, key));
        }
        return list;
    }

    private static bool Fits(Card card) =>
        card.Title.Length <= TitleMax && (card.Subtitle ?? "").Length <= DescMax && card.Fields.Count <= MaxFields
        && card.Fields.All(f => f.Label.Length <= KeyMax && f.Value.Length <= ValueMax)
        && string.Join("\n", card.Lines).Length <= LinesMax;

    /// <summary>Unique per app, [0-9A-Za-z_-@], at most 128 bytes.</summary>
    private static string NewTaskId() => "zh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
