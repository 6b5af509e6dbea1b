using System.Text.RegularExpressions;
using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Understanding;

/// <summary>
/// The people named in a message: a surname with a title (张工, 王经理, 孙主任, 陈小姐), a role standing for the person
/// (采购, 采购总监, 研发经理), or in English "Mr Zhang", "Tom at Luxshare", "contact Lily". A role right before a name
/// (采购陈小姐, 采购部王经理) gives way to the name.
/// </summary>
internal static partial class ContactFinder
{
    public static IReadOnlyList<Found> FindAll(Utterance u)
    {
        var found = new List<Found>();
        foreach (Match m in ChineseName().Matches(u.Text)) found.Add(new(m.Index, m.Length, FoundKind.Name));
        foreach (Match m in Role().Matches(u.Text))
        {
            var next = found.FirstOrDefault(f => f.Kind == FoundKind.Name && f.Start >= m.Index + m.Length && f.Start <= m.Index + m.Length + 1);
            if (next == default) found.Add(new(m.Index, m.Length, FoundKind.Role));
        }
        foreach (Match m in EnglishName().Matches(u.Text))
        {
            var g = m.Groups["n"];
            found.Add(new(g.Index, g.Length, FoundKind.Name));
        }
        return found.Where(f => !u.InsideDate(f.Start)).OrderBy(f => f.Start).ToList();
    }

    // 王工 / 李经理 / 老王: a surname and a title, not glued to a following word that makes it something else (王工厂).
    [GeneratedRegex(@"(?:[" + LeadText.Surnames + @"](?:工程师|经理|总监|主管|主任|部长|科长|处长|厂长|老板|先生|女士|小姐|老师|博士|总|工|姐|哥)|(?<![\u4e00-\u9fff])[老小][" + LeadText.Surnames + @"](?![\u4e00-\u9fff]))(?![厂程作具])")]
    private static partial Regex ChineseName();

    // A role for the person: 采购 (not 采购计划 / 采购部), or a department with a title (研发经理, 采购总监).
    [GeneratedRegex(@"(?:采购|研发|硬件|供应链|技术|品质|质量|生产)(?:总监|经理|主管|工程师|负责人)|采购(?![部计量需订合价额])")]
    private static partial Regex Role();

    // Mr Zhang (the title kept), "Tom at Luxshare", "contact Lily".
    [GeneratedRegex(@"\b(?<n>(?:[Mm]rs?|[Mm]s|[Mm]iss|[Dd]r)\.?\s+[A-Z][a-z]+)|\b(?<n>[A-Z][a-z]+)\s+at\s+(?=[A-Z\u4e00-\u9fff])|\b[Cc]ontact(?:\s+is)?[:\s]+(?<n>[A-Z][a-z]+)\b")]
    private static partial Regex EnglishName();
}
