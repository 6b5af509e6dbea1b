using System.Globalization;
using CsvHelper;
using Zhonghan.Core.Parts;
using Zhonghan.Knowledge.Answers;

namespace Zhonghan.Knowledge.Tests;

/// <summary>
/// The evaluation catalogue (6,000 real parts, read from shared/ at run time, never copied into the repository):
/// every 20th part must be found as itself in its listed and lower-case/no-separator forms, and a changed digit
/// must never be answered as a part.
/// </summary>
public sealed class EvalCatalogTests : IDisposable
{
    private readonly TestKb kb = new();

    public void Dispose() => kb.Dispose();

    private List<string> Mpns()
    {
        using var reader = new StreamReader(EvalCatalog.Path!);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Select(r => (string)((IDictionary<string, object>)r)["mpn"]).ToList();
    }

    [CatalogFact]
    public async Task EveryFormOfACatalogueMpnFindsThatPartFirst()
    {
        var report = kb.Importer.Import(EvalCatalog.Path!, null, CancellationToken.None);
        Assert.Equal(6000, report.Records);
        var mpns = Mpns();
        var bases = mpns.GroupBy(Mpn.Base).ToDictionary(g => g.Key, g => g.Select(Mpn.Norm).ToHashSet());
        var failures = new List<string>();
        foreach (var mpn in mpns.Where((_, i) => i % 20 == 0))
        {
            var same = bases[Mpn.Base(mpn)];
            var forms = new[] { mpn, new string(mpn.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray()) };
            foreach (var form in forms)
            {
                var top = (await kb.SearchAsync(form, 1)).Hits.FirstOrDefault();
                if (top is null || !top.IsIdentity || !same.Contains(Mpn.Norm(top.Record.Mpn))) failures.Add(form);
            }
        }
        Assert.True(failures.Count == 0, "not found as the part: " + string.Join(", ", failures.Take(20)));
    }

    [CatalogFact]
    public async Task AChangedDigitIsNotInTheCatalogue()
    {
        kb.Importer.Import(EvalCatalog.Path!, null, CancellationToken.None);
        var mpns = Mpns();
        var norms = mpns.Select(Mpn.Norm).ToHashSet();
        var bases = mpns.Select(Mpn.Base).ToHashSet();
        var checkedCount = 0;
        foreach (var mpn in mpns.Where((_, i) => i % 60 == 0))
        {
            var at = Enumerable.Range(1, Math.Max(0, mpn.Length - 2)).FirstOrDefault(i => char.IsDigit(mpn[i]));
            if (at == 0) continue;
            var changed = mpn[..at] + (char)('0' + (mpn[at] - '0' + 5) % 10) + mpn[(at + 1)..];
            if (norms.Contains(Mpn.Norm(changed)) || bases.Contains(Mpn.Base(changed))) continue;
            var a = await kb.AnswerAsync(changed + " 有现货吗");
            // "Not in the catalogue", family candidates without a claim, or (for value-like codes such as 9426A) "不确定":
            // never the part.
            Assert.True(a.Kind is AnswerKind.NotInCatalogue or AnswerKind.Family or AnswerKind.Unsure, $"{changed}: {a.Kind}");
            Assert.DoesNotContain(a.Sources, s => s.IsIdentity);
            checkedCount++;
        }
        Assert.True(checkedCount > 50, $"only {checkedCount} changed numbers checked");
    }
}
