namespace Zhonghan.Core.Parsing;

/// <summary>The kinds of value a command takes.</summary>
public enum ParamKind
{
    /// <summary>A customer the user may see, by full or partial name (the bot resolves it; ambiguous → numbered choices).</summary>
    Company,
    /// <summary>An opportunity the user may see, by project or customer name (resolved like a company).</summary>
    Opportunity,
    /// <summary>A contact person's name (王工, 李经理, Tom).</summary>
    Contact,
    /// <summary>A phone number; its value is the normalised digits.</summary>
    Phone,
    /// <summary>A date or time, read by <see cref="ParamSpec.Purpose"/> (value: <see cref="DateReading"/>).</summary>
    Date,
    /// <summary>Money in yuan: 80万, 800k, ¥800,000 (value: decimal).</summary>
    Amount,
    /// <summary>A count of parts: 10万, 10k, 5000片 (value: long).</summary>
    Quantity,
    /// <summary>A unit price in yuan: 0.35, ¥0.35, 0.35元 (value: decimal).</summary>
    Price,
    /// <summary>One of a few words (试产|批量), see <see cref="ParamSpec.Choices"/> (value: the chosen value).</summary>
    Enum,
    /// <summary>A document number: #12, Q12, S3, O7, I5, see <see cref="ParamSpec.Code"/> (value: <see cref="DocCode"/>).</summary>
    Code,
    /// <summary>Free text (notes, reasons, names of new things): takes what the other parameters leave.</summary>
    Text,
}

/// <summary>How to read one parameter of a command.</summary>
public sealed record ParamSpec(string Key, ParamKind Kind, bool Required = true)
{
    /// <summary>For <see cref="ParamKind.Date"/>: what the date is for.</summary>
    public DatePurpose Purpose { get; init; } = DatePurpose.Plan;

    /// <summary>For <see cref="ParamKind.Code"/>: which document (#12 is accepted as any).</summary>
    public CodeKind Code { get; init; } = CodeKind.Any;

    /// <summary>For <see cref="ParamKind.Enum"/>: each accepted word (case-insensitive) and the value it stands for.</summary>
    public IReadOnlyDictionary<string, string>? Choices { get; init; }

    /// <summary>
    /// For <see cref="ParamKind.Text"/>: this one is the free text (several words) of a command with more than one text
    /// value; without it the first text value is. Other text values are one word each.
    /// </summary>
    public bool Rest { get; init; }
}

/// <summary>A value read from text: what was typed and what it means (see <see cref="ParamKind"/> for the value types).</summary>
public sealed record ParamValue(ParamKind Kind, string Raw, object Value)
{
    /// <summary>Amount or price in yuan.</summary>
    public decimal Money => (decimal)Value;
    public long Quantity => (long)Value;
    public DateReading Date => (DateReading)Value;
    public DocCode Code => (DocCode)Value;
    /// <summary>Company, opportunity, contact, free text, the enum's value, or the normalised phone.</summary>
    public string Text => (string)Value;
}
