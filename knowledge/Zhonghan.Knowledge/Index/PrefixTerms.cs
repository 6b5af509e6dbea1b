using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Zhonghan.Knowledge.Index;

/// <summary>Walks the sorted term dictionary from a prefix: family lookup costs one seek, not a scan.</summary>
internal static class PrefixTerms
{
    public static List<string> Collect(IndexReader reader, string field, string prefix, int cap)
    {
        var found = new List<string>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) return found;
        var te = terms.GetEnumerator();
        var start = new BytesRef(prefix);
        if (te.SeekCeil(start) == TermsEnum.SeekStatus.END) return found;
        do
        {
            var term = te.Term;
            if (!StringHelper.StartsWith(term, start)) break;
            var s = term.Utf8ToString();
            if (s != prefix) found.Add(s);
        } while (found.Count < cap && te.MoveNext());
        return found;
    }
}
