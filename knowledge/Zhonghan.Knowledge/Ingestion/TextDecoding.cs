using System.Text;

namespace Zhonghan.Knowledge.Ingestion;

/// <summary>UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 as saved by Chinese Windows tools.</summary>
internal static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string ReadAllText(string path) => Decode(File.ReadAllBytes(path));

    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return Encoding.GetEncoding("GB18030").GetString(bytes); }
    }

    /// <summary>A reader over the file in its detected encoding (large catalogues are streamed, not loaded).</summary>
    public static TextReader Open(string path)
    {
        var head = new byte[Math.Min(64 * 1024, (int)Math.Min(int.MaxValue, new FileInfo(path).Length))];
        using (var f = File.OpenRead(path)) f.ReadExactly(head);
        Encoding encoding;
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) encoding = Encoding.UTF8;
        else if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE) encoding = Encoding.Unicode;
        else
        {
            // Judge by the first 64 KB, cut back to a character boundary (a multi-byte character may straddle the cut).
            var cut = head.Length;
            while (cut > 0 && cut > head.Length - 4 && (head[cut - 1] & 0xC0) == 0x80) cut--;
            if (cut > 0 && head[cut - 1] >= 0xC0) cut--;
            try { StrictUtf8.GetString(head, 0, cut); encoding = Encoding.UTF8; }
            catch (DecoderFallbackException) { encoding = Encoding.GetEncoding("GB18030"); }
        }
        return new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
    }
}
