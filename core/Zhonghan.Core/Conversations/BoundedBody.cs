namespace Zhonghan.Core.Conversations;

/// <summary>
/// A request body read up to a limit, for every channel's endpoint: a body declared or found larger than the limit is
/// refused (the endpoint answers 413) before it is read whole, so an oversized post cannot fill the memory.
/// </summary>
public static class BoundedBody
{
    /// <summary>The body's bytes, or null when it is larger than <paramref name="max"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, long max, CancellationToken ct)
    {
        if (declaredLength > max) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
