namespace Zhonghan.Bot.Commands;

/// <summary>
/// A typed value a command takes. Its kind (the core's <see cref="ParamKind"/>) says how it is read — one grammar,
/// <see cref="ParamParser"/> — and resolved (customers and opportunities among what the user may see). Its label and
/// description are in Chinese and English: help and usage show them, and a function-calling schema can use them.
/// A missing required value is asked for with <see cref="Ask"/>.
/// </summary>
public sealed record Param(string Key, ParamKind Kind, string Label, string LabelEn, string Ask = "", string AskEn = "")
{
    public bool Required { get; init; } = true;
    /// <summary>For dates: what the date is for (plans ask about a just-passed day; past events take the latest).</summary>
    public DatePurpose Purpose { get; init; } = DatePurpose.Plan;
    /// <summary>For document numbers: which kind (Q12, S3, O7).</summary>
    public CodeKind Code { get; init; } = CodeKind.Any;
    /// <summary>For choices: each accepted word (any case) and the value it stands for.</summary>
    public IReadOnlyDictionary<string, string>? Choices { get; init; }
    /// <summary>The free text (several words) of a command with more than one text value; else the first text value is.</summary>
    public bool Rest { get; init; }
    /// <summary>A word written before the value in usage ([下次 &lt;日期&gt;]).</summary>
    public string? Marker { get; init; }
    public string? MarkerEn { get; init; }
    /// <summary>Usage shows the label as it is (试产|批量), without brackets.</summary>
    public bool Bare { get; init; }
    /// <summary>Carried by a dialog, never typed (the stage to enter once a gate's parts are given): not in help or usage.</summary>
    public bool Hidden { get; init; }
    /// <summary>A dialog answer to this question also fills the values after it (型号 年用量 目标价 in one line).</summary>
    public bool AnswerFillsRest { get; init; }

    public ParamSpec Spec => new(Key, Kind, Required) { Purpose = Purpose, Code = Code, Choices = Choices };

    /// <summary>How the value shows in usage: &lt;公司&gt;, [电话], [下次 &lt;日期&gt;], 试产|批量.</summary>
    public string Usage(bool english)
    {
        var label = english ? LabelEn : Label;
        var marker = english ? MarkerEn : Marker;
        if (Bare) return label;
        if (marker is not null) return Required ? $"{marker} <{label}>" : $"[{marker} <{label}>]";
        return Required ? $"<{label}>" : $"[{label}]";
    }

    /// <summary>What the value is, for help and function-calling schemas.</summary>
    public string Description(bool english) => $"{(english ? LabelEn : Label)}{(english ? ": " : "：")}{KindText(english)}";

    private string KindText(bool english) => (Kind, english) switch
    {
        (ParamKind.Company, false) => "客户公司名，可只写一部分（如“汇川”），或 #编号",
        (ParamKind.Company, true) => "a customer's company name (a unique part is enough) or #id",
        (ParamKind.Opportunity, false) => "商机的项目名或客户名的一部分，或 #编号",
        (ParamKind.Opportunity, true) => "part of an opportunity's project or customer name, or #id",
        (ParamKind.Contact, false) => "联系人姓名",
        (ParamKind.Contact, true) => "a contact person's name",
        (ParamKind.Phone, false) => "电话号码（手机、座机可带分机）",
        (ParamKind.Phone, true) => "a phone number",
        (ParamKind.Date, false) => "日期或时间（明天、下周三、12月5日、今晚8点、2小时后）",
        (ParamKind.Date, true) => "a date or time (tomorrow, next wed, 2026-12-05, in 2 hours)",
        (ParamKind.Amount, false) => "金额（80万、800k、¥800,000）",
        (ParamKind.Amount, true) => "an amount in yuan (80万, 800k, ¥800,000)",
        (ParamKind.Quantity, false) => "数量（10万、10k、5000片）",
        (ParamKind.Quantity, true) => "a quantity (10万, 10k, 5000)",
        (ParamKind.Price, false) => "单价（0.35、¥0.35）",
        (ParamKind.Price, true) => "a unit price in yuan (0.35)",
        (ParamKind.Enum, false) => "可选：" + string.Join(" / ", Choices?.Keys.Where(k => !k.All(char.IsAscii)) ?? []),
        (ParamKind.Enum, true) => "one of: " + string.Join(" / ", Choices?.Keys.Where(k => k.All(char.IsAscii)) ?? []),
        (ParamKind.Code, false) => "单号（Q12、S3、O7 或 #12）",
        (ParamKind.Code, true) => "a document number (Q12, S3, O7 or #12)",
        (_, false) => "文字",
        (_, true) => "text",
    };
}
