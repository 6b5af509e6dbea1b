namespace Zhonghan.Core;

/// <summary>
/// A domain refusal or error with a message meant for the user (Chinese first, English when known).
/// The pipeline's error boundary shows <see cref="Message"/> (or <see cref="English"/> to English speakers).
/// </summary>
public class CrmException : Exception
{
    public string? English { get; }

    public CrmException(string chinese, string? english = null) : base(chinese) => English = english;

    public string For(bool english) => english && English is not null ? English : Message;
}

/// <summary>The caller may not see or change this. The message reveals nothing about the target.</summary>
public sealed class AccessDeniedException(string chinese, string? english = null) : CrmException(chinese, english);
