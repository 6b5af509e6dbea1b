namespace Zhonghan.Adapters.WeCom.Model;

/// <summary>The parts of WeCom's template_card we render (text_notice, button_interaction).</summary>
public sealed class TemplateCard
{
    public required string CardType { get; init; }
    public required CardTitle MainTitle { get; init; }
    public string? SubTitleText { get; init; }
    public List<HorizontalContent>? HorizontalContentList { get; init; }
    public CardJump? CardAction { get; init; }
    /// <summary>Unique per app, [0-9A-Za-z_-@] at most 128 bytes; needed for button cards.</summary>
    public string? TaskId { get; init; }
    public List<CardButton>? ButtonList { get; init; }
    /// <summary>When set, the buttons show greyed out with this text (the decision is taken).</summary>
    public string? ReplaceText { get; init; }
}

public sealed record CardTitle(string? Title, string? Desc = null);

public sealed record HorizontalContent(string Keyname, string Value);

/// <summary>type 1 = open <see cref="Url"/>.</summary>
public sealed record CardJump(int Type, string Url);

/// <summary>style 1..4 (1 blue primary, 2 grey, 3 red, 4 …); type 0 = callback with <see cref="Key"/>.</summary>
public sealed record CardButton(string Text, int Style, string Key, int Type = 0);
