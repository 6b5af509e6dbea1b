using System.Xml;
using System.Xml.Linq;
using Zhonghan.Adapters.WeCom.Crypto;

namespace Zhonghan.Adapters.WeCom.Model;

/// <summary>
/// Reads untrusted XML: no DTDs (so no entity expansion or XXE), no external resolution, bounded size.
/// Every failure is a <see cref="WeComCryptoException"/> with <see cref="WeComCryptoError.ParseXml"/>.
/// </summary>
public static class SafeXml
{
    public const int MaxCharacters = 256 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>The root element, which must be &lt;xml&gt; as in every WeCom payload.</summary>
    public static XElement ParseRoot(string xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) throw new WeComCryptoException(WeComCryptoError.ParseXml, "empty XML");
        if (xml.Length > MaxCharacters) throw new WeComCryptoException(WeComCryptoError.ParseXml, "XML too large");
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            var root = XDocument.Load(reader).Root;
            if (root is null || root.Name.LocalName != "xml")
                throw new WeComCryptoException(WeComCryptoError.ParseXml, "root element is not <xml>");
            return root;
        }
        catch (XmlException e)
        {
            throw new WeComCryptoException(WeComCryptoError.ParseXml, $"malformed XML ({e.Message})", e);
        }
    }

    /// <summary>A child's text by name (order varies between payloads), or null.</summary>
    public static string? Child(this XElement e, string name) => e.Element(name)?.Value;

    /// <summary>Wraps text in CDATA, splitting any "]]>" so the text cannot end the section early.</summary>
    public static string CData(string text) => "<![CDATA[" + text.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>";
}
