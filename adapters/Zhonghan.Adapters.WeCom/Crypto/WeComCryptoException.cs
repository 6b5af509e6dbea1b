namespace Zhonghan.Adapters.WeCom.Crypto;

/// <summary>The return codes of Tencent's WXBizMsgCrypt ports, so logs read like the official docs.</summary>
public enum WeComCryptoError
{
    ValidateSignature = -40001,
    ParseXml = -40002,
    ComputeSignature = -40003,
    IllegalAesKey = -40004,
    ValidateCorpId = -40005,
    EncryptAes = -40006,
    DecryptAes = -40007,
    IllegalBuffer = -40008,
    EncodeBase64 = -40009,
    DecodeBase64 = -40010,
    GenReturnXml = -40011,
}

/// <summary>A callback that cannot be trusted or read. Always the sender's fault: answered with a 4xx, never a 5xx.</summary>
public sealed class WeComCryptoException(WeComCryptoError error, string reason, Exception? inner = null)
    : Exception($"{(int)error} {error}: {reason}", inner)
{
    public WeComCryptoError Error { get; } = error;
    public string Reason { get; } = reason;
}
