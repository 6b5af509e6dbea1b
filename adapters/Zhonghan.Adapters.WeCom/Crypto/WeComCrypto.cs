using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Zhonghan.Adapters.WeCom.Crypto;

/// <summary>
/// WeCom's callback crypto (WXBizMsgCrypt), written with the BCL because no WeCom SDK is available to the build:
/// SHA1 signature over the ordinally sorted token, timestamp, nonce and ciphertext; AES-256-CBC with IV = key[0..16);
/// plaintext = 16 random bytes ‖ big-endian length ‖ message ‖ receiveid, padded PKCS#7-style to 32-byte blocks.
/// </summary>
public sealed class WeComCrypto
{
    /// <summary>WeCom pads to 32 bytes, which .NET's PKCS7 mode (16-byte blocks) rejects; so padding is done by hand.</summary>
    private const int PadBlock = 32;
    private readonly string token;
    private readonly string receiveId;
    private readonly byte[] key;
    private readonly byte[] receiveIdBytes;

    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        this.token = token;
        this.receiveId = receiveId;
        receiveIdBytes = Encoding.UTF8.GetBytes(receiveId);
        if (encodingAesKey.Length != 43) throw new WeComCryptoException(WeComCryptoError.IllegalAesKey, "EncodingAESKey must have 43 characters");
        try { key = Convert.FromBase64String(encodingAesKey + "="); }
        catch (FormatException e) { throw new WeComCryptoException(WeComCryptoError.IllegalAesKey, "EncodingAESKey is not base64", e); }
        if (key.Length != 32) throw new WeComCryptoException(WeComCryptoError.IllegalAesKey, "EncodingAESKey must decode to 32 bytes");
    }

    public string ReceiveId => receiveId;

    /// <summary>Lower-case hex SHA1 of the four values sorted ordinally and concatenated.</summary>
    public string Sign(string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>Throws unless <paramref name="signature"/> matches; compared in constant time.</summary>
    public void Verify(string signature, string timestamp, string nonce, string encrypted)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypted));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
            throw new WeComCryptoException(WeComCryptoError.ValidateSignature, "signature mismatch");
    }

    /// <summary>Verifies the signature, then decrypts; the receiveid must be ours.</summary>
    public string VerifyAndDecrypt(string signature, string timestamp, string nonce, string encrypted)
    {
        Verify(signature, timestamp, nonce, encrypted);
        return Decrypt(encrypted);
    }

    public string Decrypt(string encrypted)
    {
        byte[] cipher;
        try { cipher = Convert.FromBase64String(encrypted); }
        catch (FormatException e) { throw new WeComCryptoException(WeComCryptoError.DecodeBase64, "ciphertext is not base64", e); }
        if (cipher.Length == 0 || cipher.Length % PadBlock != 0)
            throw new WeComCryptoException(WeComCryptoError.IllegalBuffer, $"ciphertext length {cipher.Length} is not a multiple of {PadBlock}");

        byte[] plain;
        try
        {
            using var aes = Aes.Create();
            aes.Key = key;
            plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
        }
        catch (CryptographicException e) { throw new WeComCryptoException(WeComCryptoError.DecryptAes, "AES decryption failed", e); }

        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
            throw new WeComCryptoException(WeComCryptoError.IllegalBuffer, "bad padding");
        var body = plain.AsSpan(0, plain.Length - pad);
        if (body.Length < 20) throw new WeComCryptoException(WeComCryptoError.IllegalBuffer, "plaintext too short");
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.Slice(16, 4));
        if (length > body.Length - 20) throw new WeComCryptoException(WeComCryptoError.IllegalBuffer, "message length out of range");
        var message = body.Slice(20, (int)length);
        var from = body[(20 + (int)length)..];
        if (!from.SequenceEqual(receiveIdBytes))
            throw new WeComCryptoException(WeComCryptoError.ValidateCorpId, "receiveid does not match the CorpId");
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(message); }
        catch (DecoderFallbackException e) { throw new WeComCryptoException(WeComCryptoError.IllegalBuffer, "message is not UTF-8", e); }
    }

    /// <summary>Encrypts with a fresh random prefix (or the given one, for tests that reproduce official vectors).</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> randomPrefix = default)
    {
        var msg = Encoding.UTF8.GetBytes(message);
        var unpadded = 20 + msg.Length + receiveIdBytes.Length;
        var pad = PadBlock - unpadded % PadBlock;
        var plain = new byte[unpadded + pad];
        if (randomPrefix.Length == 16) randomPrefix.CopyTo(plain);
        else RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16, 4), (uint)msg.Length);
        msg.CopyTo(plain, 20);
        receiveIdBytes.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(unpadded).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }
}
