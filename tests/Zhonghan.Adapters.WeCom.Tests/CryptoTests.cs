using System.Security.Cryptography;
using System.Text;
using Zhonghan.Adapters.WeCom.Crypto;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Adapters.WeCom.Tests;

public class CryptoTests
{
    private readonly WeComCrypto crypto = new(Official.Token, Official.AesKey, Official.CorpId);

    [Fact]
    public void TheOfficialUrlVerificationDecryptsToTheDocumentedAnswer()
    {
        Assert.Equal("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", crypto.Sign("1409659589", "263014780", Official.GetEchoStr));
        Assert.Equal(Official.GetAnswer,
            crypto.VerifyAndDecrypt("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", Official.GetEchoStr));
    }

    [Fact]
    public void TheOfficialPostVectorVerifiesAndDecryptsToTheDocumentedXml()
    {
        var encrypt = CallbackEnvelope.ReadEncrypt(Official.PostBody);
        Assert.Equal(Official.PostSignature, crypto.Sign(Official.PostTimestamp, Official.PostNonce, encrypt));
        Assert.Equal(Official.PostPlain, crypto.VerifyAndDecrypt(Official.PostSignature, Official.PostTimestamp, Official.PostNonce, encrypt));
    }

    [Fact]
    public void EncryptingTheOfficialPlaintextWithItsPrefixGivesTheOfficialCiphertext()
    {
        // Pad 30 > 16: the case .NET's PKCS7 mode rejects; a byte-exact match proves the 32-byte padding.
        Assert.Equal(Official.PostEncrypt, crypto.Encrypt(Official.PostPlain, Convert.FromHexString(Official.PostPrefixHex)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("跟进 汇川 拜访王工，确认新项目用量 下次 下周三")]
    [InlineData("emoji 👍🏻 and ]]> and <xml> & \"quotes\"")]
    public void ChineseAndAwkwardTextSurvivesARoundTrip(string message) =>
        Assert.Equal(message, crypto.Decrypt(crypto.Encrypt(message)));

    [Fact]
    public void EveryPadLengthFromOneToThirtyTwoRoundTrips()
    {
        var seen = new HashSet<int>();
        var fixedBytes = 20 + Official.CorpId.Length; // prefix + length + receiveid
        for (var len = 0; len < 32; len++)
        {
            var message = new string('a', len);
            var pad = 32 - (fixedBytes + len) % 32;
            seen.Add(pad);
            var cipher = crypto.Encrypt(message);
            Assert.Equal(0, Convert.FromBase64String(cipher).Length % 32);
            Assert.Equal(message, crypto.Decrypt(cipher));
        }
        Assert.Equal(Enumerable.Range(1, 32).ToHashSet(), seen);
    }

    [Fact]
    public void RandomMessagesRoundTripAndNeverRepeatTheirCiphertext()
    {
        var random = new Random(20261130);
        const string alphabet = "abcXYZ019 众韩电子销售跟进商机报价，。！\n<>&]";
        for (var i = 0; i < 300; i++)
        {
            var message = new string(Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var a = crypto.Encrypt(message);
            Assert.Equal(message, crypto.Decrypt(a));
            if (message.Length > 0) Assert.NotEqual(a, crypto.Encrypt(message));
        }
    }

    [Fact]
    public void AnAlteredSignatureIsRefused()
    {
        var bad = "0" + Official.PostSignature[1..];
        var e = Assert.Throws<WeComCryptoException>(() => crypto.VerifyAndDecrypt(bad, Official.PostTimestamp, Official.PostNonce, Official.PostEncrypt));
        Assert.Equal(WeComCryptoError.ValidateSignature, e.Error);
    }

    [Fact]
    public void AMessageForAnotherCorpIsRefused()
    {
        var other = new WeComCrypto(Official.Token, Official.AesKey, "ww0000000000000000");
        var e = Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(other.Encrypt("hello")));
        Assert.Equal(WeComCryptoError.ValidateCorpId, e.Error);
    }

    [Theory]
    [InlineData("not base64 !!", WeComCryptoError.DecodeBase64)]
    [InlineData("QUJD", WeComCryptoError.IllegalBuffer)] // 3 bytes: not a whole block
    [InlineData("", WeComCryptoError.IllegalBuffer)]
    public void CiphertextThatIsNotBase64OrNotWholeBlocksIsRefused(string encrypt, WeComCryptoError expected) =>
        Assert.Equal(expected, Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(encrypt)).Error);

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(200)]
    public void APadByteOutsideOneToThirtyTwoIsRefused(int padByte)
    {
        var plain = new byte[64];
        plain[^1] = (byte)padByte;
        Assert.Equal(WeComCryptoError.IllegalBuffer, Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(RawEncrypt(plain))).Error);
    }

    [Fact]
    public void ALengthPointingPastTheEndIsRefused()
    {
        var plain = new byte[64];
        plain[16] = 0x7F; // length 2 GB
        plain.AsSpan(60).Fill(4);
        Assert.Equal(WeComCryptoError.IllegalBuffer, Assert.Throws<WeComCryptoException>(() => crypto.Decrypt(RawEncrypt(plain))).Error);
    }

    [Fact]
    public void AnEncodingAesKeyOfTheWrongLengthIsRefusedAtConstruction() =>
        Assert.Equal(WeComCryptoError.IllegalAesKey,
            Assert.Throws<WeComCryptoException>(() => new WeComCrypto(Official.Token, Official.AesKey[..42], Official.CorpId)).Error);

    [Fact]
    public void OurPassiveReplyEnvelopeVerifiesWithItsOwnSignature()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var envelope = CallbackEnvelope.Build(crypto, CallbackEnvelope.TextReply("zhangsan", Official.CorpId, "已记录]]>跟进", now), now);
        var x = SafeXml.ParseRoot(envelope);
        Assert.Equal("1800000000", x.Child("TimeStamp"));
        var inner = SafeXml.ParseRoot(crypto.VerifyAndDecrypt(x.Child("MsgSignature")!, x.Child("TimeStamp")!, x.Child("Nonce")!, x.Child("Encrypt")!));
        Assert.Equal("已记录]]>跟进", inner.Child("Content"));
    }

    /// <summary>Encrypts raw plaintext bytes with the official key (no padding logic), to forge bad buffers.</summary>
    private static string RawEncrypt(byte[] plain)
    {
        var key = Convert.FromBase64String(Official.AesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    [Fact]
    public void SignatureSortIsOrdinalNotCultural()
    {
        // "a" < "B" culturally but "B" (0x42) < "a" (0x61) ordinally; WeCom sorts by bytes.
        var c = new WeComCrypto("a", Official.AesKey, Official.CorpId);
        var expected = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("1B_a")));
        Assert.Equal(expected, c.Sign("1", "B", "_"));
    }
}
