using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Zhonghan.Knowledge.Documents;

namespace Zhonghan.Knowledge.Index;

/// <summary>
/// Text analysis: Lucene's CJKAnalyzer (Han bigrams, Latin and digit runs kept whole and lower-cased, no
/// dictionary), plus what the indexed text of a record is and which question words carry no meaning.
/// </summary>
internal static class Analysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer NewAnalyzer() => new CJKAnalyzer(Version);

    // Question words: bigrams and English words that say "this is a question", not what it is about.
    private static readonly HashSet<string> QuestionWords =
    [
        "有没", "没有", "有吗", "请问", "问一", "一下", "你们", "我们", "我想", "想问", "怎么", "如何", "什么", "可以", "能否",
        "是否", "需要", "多久", "多少", "哪些", "哪个", "这个", "那个", "一个", "有么", "么？", "的吗", "是多", "少钱",
        "帮我", "麻烦", "一般", "通常", "大概", "大约", "左右", "现在", "目前", "封装", "型号", "品牌", "规格", "参数", "的型", "的芯", "in", "谢谢", "您好", "你好", "有哪", "有什", "么样", "样的", "的是", "是什", "要多", "久？", "吗？",
        "what", "how", "do", "does", "you", "your", "have", "has", "is", "are", "the", "any", "could", "i", "we",
        "please", "long", "much", "me", "tell", "about", "which", "there", "of", "for", "a", "an", "to", "with", "and", "or",
    ];

    /// <summary>The analysed tokens of <paramref name="text"/>, in order (duplicates kept).</summary>
    public static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var ts = analyzer.GetTokenStream(Fields.Text, text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        ts.Reset();
        while (ts.IncrementToken()) tokens.Add(term.ToString());
        ts.End();
        return tokens;
    }

    /// <summary>A query token with where it stands in the query and whether it is only a question word.</summary>
    public readonly record struct Span(string Term, int Start, int End, bool QuestionWord);

    public static List<Span> Spans(Analyzer analyzer, string query)
    {
        var spans = new List<Span>();
        using var ts = analyzer.GetTokenStream(Fields.Text, query);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var offset = ts.AddAttribute<IOffsetAttribute>();
        ts.Reset();
        while (ts.IncrementToken())
        {
            var t = term.ToString();
            spans.Add(new Span(t, offset.StartOffset, offset.EndOffset, QuestionWords.Contains(t) || IsFillerBigram(t)));
        }
        ts.End();
        return spans;
    }

    // "怎么/如何/how" asks for a procedure: the words for one are added to the BM25 query (not to the coverage).
    private static readonly string[] HowWords = ["怎么", "如何", "怎样", "怎么办", "流程", "步骤", "how"];

    public static IEnumerable<string> IntentTokens(string query) =>
        HowWords.Any(w => query.Contains(w, StringComparison.OrdinalIgnoreCase)) ? ["步骤", "流程", "process", "steps"] : [];

    // Words that only say what about a part is asked (stock, price, lead time …): with a part number they make a
    // part question, not a description of a need.
    private static readonly HashSet<string> PartQuestionWords =
    [
        "有货", "现货", "库存", "价格", "多少", "少钱", "交期", "货期", "报价", "规格", "格书", "样品", "申样", "替代", "代料", "起订", "订量",
        "最小", "小起", "单价", "能买", "买到", "price", "stock", "lead", "time", "available", "availability", "moq", "datasheet",
        "sample", "samples", "quote", "cost", "buy",
    ];

    /// <summary>How many words of the text describe something (not question words, not "stock/price/lead time").</summary>
    public static int DescriptiveWords(Analyzer analyzer, string text) =>
        Tokens(analyzer, text).Distinct().Count(t => !QuestionWords.Contains(t) && !IsFillerBigram(t) && !PartQuestionWords.Contains(t));

    /// <summary>Query tokens without question words; falls back to all tokens when nothing else is left.</summary>
    public static List<string> QueryTokens(Analyzer analyzer, string query)
    {
        var all = Tokens(analyzer, query).Distinct().ToList();
        var meaningful = all.Where(t => !QuestionWords.Contains(t) && !IsFillerBigram(t)).ToList();
        return meaningful.Count > 0 ? meaningful : all;
    }

    // A Han bigram made only of particles (的了吗呢吧啊) says nothing about the subject.
    private static bool IsFillerBigram(string t) => t.Length == 2 && t.Any(c => "的了吗呢吧啊呀嘛哦".Contains(c)) && t.All(c => c > 0x2E80);

    /// <summary>
    /// What is indexed for words: title, part facts, description, text, and the trade words they imply. For passages
    /// the trade words come from the title only: a page about samples is about samples, a page that mentions a
    /// sample in passing is not.
    /// </summary>
    public static string IndexedText(KnowledgeRecord r)
    {
        var parts = new List<string?> { r.Title, r.Mpn, r.Manufacturer, r.Category, r.Package, r.Description };
        if (r.Kind == RecordKind.Passage) parts.Add(r.Text);
        parts.AddRange(r.Attributes.Values);
        var text = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text + ' ' + DomainTerms.Expand(r.Kind == RecordKind.Passage ? r.Title : text);
    }
}
