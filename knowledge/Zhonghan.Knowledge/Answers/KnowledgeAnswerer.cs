using System.Text;
using Microsoft.Extensions.Options;
using Zhonghan.Knowledge.Documents;
using Zhonghan.Knowledge.Index;

namespace Zhonghan.Knowledge.Answers;

/// <summary>
/// Offline answers from the index, no model involved. Part numbers in the question decide first: identity →
/// facts; family → candidates and "which one?"; no match → "not in our catalogue" (never a near miss instead).
/// Otherwise words: the best passage or parts when their confidence clears <see cref="KnowledgeOptions.AnswerThreshold"/>,
/// else "不确定".
/// </summary>
public sealed class KnowledgeAnswerer(KnowledgeSearch search, IOptions<KnowledgeOptions> options)
{
    public const int MaxCandidates = 8;
    private const int DescriptionWords = 2;

    public async Task<Answer> AnswerAsync(string question, CancellationToken ct, bool? english = null)
    {
        var en = english ?? Language.IsEnglish(question);
        var result = await search.SearchAsync(question, 10, ct);
        var partAnswer = FromParts(result, en, inDescription: false);
        if (partAnswer is not null) return partAnswer;
        var words = FromWords(question, result, en);
        // A description the words cannot answer, naming a code that is no catalogue part: say that plainly.
        return words.Kind == AnswerKind.Unsure ? FromParts(result, en, inDescription: true) ?? words : words;
    }

    private Answer? FromParts(SearchResult result, bool en, bool inDescription)
    {
        var identity = result.Hits.Where(h => h.IsIdentity).ToList();
        var askedStrong = result.Parts.Where(p => p.Strong).ToList();
        // In a description ("意法半导体的MOS管，D2PAK封装，150mΩ"), a code that is no catalogue part is a package or a
        // value we do not know, not an asked part: the words answer it. "X 有货吗" is about X alone.
        if (identity.Count == 0 && result.DescriptiveWords >= DescriptionWords && !inDescription)
            askedStrong = askedStrong.Where(p => result.Hits.Any(h => h.Match == MatchKind.Family && h.QueryPart == p.Raw)).ToList();
        if (identity.Count == 0 && askedStrong.Count == 0) return null;

        var sb = new StringBuilder();
        var missing = new List<string>();
        var candidates = new List<KnowledgeRecord>();
        foreach (var group in identity.GroupBy(h => h.QueryPart))
        {
            if (sb.Length > 0) sb.Append("\n\n");
            var exact = group.Where(h => h.Match == MatchKind.Exact).ToList();
            if (exact.Count == 0)
                sb.Append(en
                    ? $"\"{group.Key}\" is listed with another packaging suffix — the same part:\n"
                    : $"您问的“{group.Key}”在目录中以不同的包装后缀登记（同一器件）：\n");
            sb.AppendJoin("\n\n", (exact.Count > 0 ? exact : group.ToList()).Take(3).Select(h => PartFacts.Render(h.Record, en)));
        }
        var answered = identity.Select(h => h.QueryPart).ToHashSet();
        foreach (var part in askedStrong.Where(p => !answered.Contains(p.Raw)))
        {
            var family = result.Hits.Where(h => h.Match == MatchKind.Family && h.QueryPart == part.Raw).Select(h => h.Record).ToList();
            if (sb.Length > 0) sb.Append("\n\n");
            if (family.Count == 0)
            {
                missing.Add(part.Raw);
                sb.Append(en
                    ? $"Sorry, \"{part.Raw}\" is not in our catalogue. I will not offer a similar-looking part in its place; a sales rep can check availability for you (reply \"转人工\" / \"human\")."
                    : $"抱歉，我们的目录中没有“{part.Raw}”这个型号，我不会拿相近的型号冒充它。需要的话可以转给销售人工帮您确认货源（回复“转人工”）。");
                continue;
            }
            var size = result.FamilySizes.GetValueOrDefault(part.Norm, family.Count);
            var shown = family.Take(MaxCandidates).ToList();
            if (shown.Count == 1 && size == 1)
            {
                sb.Append(en
                    ? $"\"{part.Raw}\" is not a complete part number in our catalogue; the only part starting with it is {PartFacts.Line(shown[0], en)}.\nIs that the one? Reply 1 or the full part number for stock, price and lead time."
                    : $"目录中没有与“{part.Raw}”完全一致的型号；以它开头的只有 {PartFacts.Line(shown[0], en)}。\n是这个型号吗？回复“1”或完整型号即可查看库存、价格和交期。");
                candidates.AddRange(shown);
                continue;
            }
            sb.Append(en
                ? $"\"{part.Raw}\" is not a complete part number in our catalogue; {size}{(size >= KnowledgeSearch.FamilyCap ? "+" : "")} parts start with it:\n"
                : $"目录中没有与“{part.Raw}”完全一致的型号，以它开头的有 {size}{(size >= KnowledgeSearch.FamilyCap ? "+" : "")} 个：\n");
            for (var i = 0; i < shown.Count; i++) sb.Append($"{candidates.Count + i + 1}. {PartFacts.Line(shown[i], en)}\n");
            sb.Append(en ? "Which one do you mean? Reply with the number or the full part number." : "请问您要的是哪一个？回复序号或完整型号即可。");
            candidates.AddRange(shown);
        }
        var kind = identity.Count > 0 ? AnswerKind.Part : candidates.Count > 0 ? AnswerKind.Family : AnswerKind.NotInCatalogue;
        return new Answer
        {
            Kind = kind, Text = sb.ToString().TrimEnd(), Sources = identity, Candidates = candidates, Missing = missing,
            AboutParts = true, English = en,
        };
    }

    private Answer FromWords(string question, SearchResult result, bool en)
    {
        var threshold = options.Value.AnswerThreshold;
        var text = result.Hits.Where(h => h.Match == MatchKind.Text).ToList();
        var top = text.FirstOrDefault();
        if (top is null || top.Score < threshold)
            return new Answer
            {
                Kind = AnswerKind.Unsure, English = en,
                Text = en ? "Not sure: I found no reliable answer in our documents." : "不确定：资料里没有找到可靠的答案。",
            };
        if (top.Record.Kind == RecordKind.Passage)
        {
            var body = top.Record.Text.Length <= 700 ? top.Record.Text : top.Record.Text[..700] + "…";
            return new Answer
            {
                Kind = AnswerKind.Passage, English = en, Sources = [top],
                Text = $"{body}\n{(en ? "Source: " : "来源：")}{top.Record.Source}",
            };
        }
        var parts = text.Where(h => h.Record.Kind == RecordKind.Part && h.Score >= threshold).Take(5).ToList();
        var sb = new StringBuilder(en ? "Catalogue parts matching your description (best first):\n" : "目录中与您的描述相符的型号（按相关度）：\n");
        for (var i = 0; i < parts.Count; i++)
            sb.Append($"{i + 1}. {PartFacts.Line(parts[i].Record, en)}\n   {parts[i].Snippet}\n");
        sb.Append(en
            ? "These are search results, not a recommendation: check the datasheet, or ask a rep for a selection (\"转人工\")."
            : "以上为检索结果，不是选型结论；请以规格书为准，需要选型建议可回复“转人工”。");
        sb.Append('\n').Append(en ? "Source: " : "来源：").AppendJoin("；", parts.Select(p => p.Record.Source));
        return new Answer { Kind = AnswerKind.Suggestions, English = en, Sources = parts, Candidates = parts.Select(p => p.Record).ToList(), AboutParts = true, Text = sb.ToString() };
    }
}
