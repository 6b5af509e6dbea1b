namespace Zhonghan.Core.Parsing;

/// <summary>A parsed value, or why the text is not one (a Chinese message for the user, and its English).</summary>
public readonly record struct ParseResult<T>(T Value, string? Error, string? ErrorEn)
{
    public bool Ok => Error is null;

    public static ParseResult<T> Success(T value) => new(value, null, null);

    public static ParseResult<T> Fail(string zh, string en) => new(default!, zh, en);

    /// <summary>The value, or a <see cref="CrmException"/> carrying the message.</summary>
    public T OrThrow() => Ok ? Value : throw new CrmException(Error!, ErrorEn ?? Error!);
}
