namespace Zhonghan.Adapters.WeCom.Model;

// Wire types of the WeCom server API. JSON names come from the snake_case policy set on the Refit client
// (ExternalUserid → external_userid), so property names are spelled to match WeCom's, not .NET style.

/// <summary>Every WeCom answer carries errcode/errmsg; branch on errcode only (errmsg may change).</summary>
public class WeComResult
{
    public int Errcode { get; set; }
    public string? Errmsg { get; set; }
}

public sealed class TokenResult : WeComResult
{
    public string? AccessToken { get; set; }
    public int ExpiresIn { get; set; }
}

public sealed class MessageSendResult : WeComResult
{
    public string? Invaliduser { get; set; }
    public string? Msgid { get; set; }
}

public sealed class MediaUploadResult : WeComResult
{
    public string? MediaId { get; set; }
}

public sealed record TextBody(string Content);

public sealed record MediaBody(string MediaId);

/// <summary>POST message/send.</summary>
public sealed class AppMessage
{
    public required string Touser { get; init; }
    public required string Msgtype { get; init; }
    public required int Agentid { get; init; }
    public TextBody? Text { get; init; }
    public TextBody? Markdown { get; init; }
    public MediaBody? Image { get; init; }
    public TemplateCard? TemplateCard { get; init; }
}

/// <summary>POST message/update_template_card: recipients are arrays; the response code is single-use (72 h).</summary>
public sealed class CardUpdate
{
    public required List<string> Userids { get; init; }
    public required int Agentid { get; init; }
    public required string ResponseCode { get; init; }
    public ReplaceButton? Button { get; init; }
    public TemplateCard? TemplateCard { get; init; }
}

public sealed record ReplaceButton(string ReplaceName);

/// <summary>POST webhook/send?key= (group robot).</summary>
public sealed class RobotMessage
{
    public required string Msgtype { get; init; }
    public TextBody? Markdown { get; init; }
    public RobotImage? Image { get; init; }
}

public sealed record RobotImage(string Base64, string Md5);
