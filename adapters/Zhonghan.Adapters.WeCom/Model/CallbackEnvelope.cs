using System.Globalization;
using System.Security.Cryptography;
using Zhonghan.Adapters.WeCom.Crypto;

namespace Zhonghan.Adapters.WeCom.Model;

/// <summary>The outer XML of a POST callback and of our encrypted passive reply.</summary>
public static class CallbackEnvelope
{
    /// <summary>The &lt;Encrypt&gt; value of a callback body (the only part the signature covers).</summary>
    public static string ReadEncrypt(string body)
    {
        var encrypt = SafeXml.ParseRoot(body).Child("Encrypt");
        if (string.IsNullOrWhiteSpace(encrypt)) throw new WeComCryptoException(WeComCryptoError.ParseXml, "no <Encrypt> element");
        return encrypt.Trim();
    }

    /// <summary>Encrypts <paramref name="innerXml"/> and wraps it with our signature, timestamp and nonce.</summary>
    public static string Build(WeComCrypto crypto, string innerXml, DateTimeOffset now)
    {
        var encrypt = crypto.Encrypt(innerXml);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = crypto.Sign(timestamp, nonce, encrypt);
        return $"<xml><Encrypt>{SafeXml.CData(encrypt)}</Encrypt><MsgSignature>{SafeXml.CData(signature)}</MsgSignature>" +
               $"<TimeStamp>{timestamp}</TimeStamp><Nonce>{SafeXml.CData(nonce)}</Nonce></xml>";
    }

    /// <summary>The plaintext of a passive text reply (to be passed to <see cref="Build"/>).</summary>
    public static string TextReply(string toUser, string corpId, string content, DateTimeOffset now) =>
        $"<xml><ToUserName>{SafeXml.CData(toUser)}</ToUserName><FromUserName>{SafeXml.CData(corpId)}</FromUserName>" +
        $"<CreateTime>{now.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>{SafeXml.CData(content)}</Content></xml>";
}
