using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// One message as the reader sees it: <see cref="Text"/> is the message with full-width Latin, digits and punctuation
/// folded to ASCII one character for one (so every position is also a position in <see cref="Original"/>), and
/// <see cref="Lower"/> the same in lower case. What several readers need is found once, on first use.
/// </summary>
internal sealed class Utterance
{
    private IReadOnlyList<FoundDate>? dates;
    private IReadOnlyList<Found>? contacts;
    private IReadOnlyList<Found>? companies;
    private IReadOnlyList<(Parts.PartToken Token, int Start)>? parts;
    private (TouchKind Kind, int At)? kind;
    private bool kindFound;

    public Utterance(string original, DateTimeOffset now)
    {
        Original = original;
        Text = Fold(original);
        Lower = Text.ToLowerInvariant();
        Now = now;
    }

    public string Original { get; }
    public string Text { get; }
    public string Lower { get; }
    public DateTimeOffset Now { get; }

    /// <summary>Dates read as plans (下周三, 明早, 10分钟后).</summary>
    public IReadOnlyList<FoundDate> Dates => dates ??= DateFinder.FindAll(Text, DatePurpose.Plan, Now);

    /// <summary>Contacts named (张工, 王经理, 采购, Mr Zhang), in order.</summary>
    public IReadOnlyList<Found> Contacts => contacts ??= ContactFinder.FindAll(this);

    /// <summary>Company or project words (汇川, 正泰电器, BMS), in order; the first is the customer.</summary>
    public IReadOnlyList<Found> Companies => companies ??= CompanyFinder.FindAll(this);

    /// <summary>Part numbers named (STM32F103, TPS54331), in order.</summary>
    public IReadOnlyList<(Parts.PartToken Token, int Start)> Parts => parts ??= PartFinder.Find(Text);

    /// <summary>The first telling word of how the rep was in touch (拜访, 电话, 微信 …).</summary>
    public TouchKind? Kind => KindAt?.Kind;

    /// <summary>The kind and where its word stands.</summary>
    public (TouchKind Kind, int At)? KindAt
    {
        get
        {
            if (!kindFound) (kind, kindFound) = (TouchKinds.FindAt(Lower), true);
            return kind;
        }
    }

    public bool IsQuestion => QuestionCues.LooksLikeQuestion(Text) || Cues.Question().IsMatch(Lower);

    public string Slice(int start, int length) => Original.Substring(start, length).Trim();

    public Mention Mention(int start, int length) => new(Original.Substring(start, length), start, length);

    public bool InsideDate(int i) => Dates.Any(d => i >= d.Start && i < d.End);

    /// <summary>Full-width ASCII and the ideographic space to ASCII, one character for one.</summary>
    private static string Fold(string s) => string.Create(s.Length, s, (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
        {
            var c = src[i];
            span[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
        }
    });
}

/// <summary>Words found in a message: where they stand, and what kind of words they are.</summary>
internal readonly record struct Found(int Start, int Length, FoundKind Kind)
{
    public int End => Start + Length;
}

internal enum FoundKind { Name, Role, Company, Project }
