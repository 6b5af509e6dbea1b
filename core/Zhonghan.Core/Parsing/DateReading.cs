using Zhonghan.Core.Time;

namespace Zhonghan.Core.Parsing;

/// <summary>What a date is for; it decides which way a date without a year (or month) resolves.</summary>
public enum DatePurpose
{
    /// <summary>Plans (下次, 提醒, 计划, expiry dates): the next such day. A month-day that passed within the last 60 days is asked about.</summary>
    Plan,
    /// <summary>Things that happened (回款 date, a follow-up's own date, 签收, 测试结果): the latest such day not in the future.</summary>
    Past,
}

/// <summary>
/// A date read from text. <see cref="Date"/> keeps date-only vs time. When <see cref="NeedsConfirmation"/>, the
/// text was a plan whose day has just passed: <see cref="Date"/> is the candidate (next year's, or next month's) and
/// <see cref="Question"/> asks the user to confirm it ("12月7日已经过了，是指明年 12月7日 吗？").
/// </summary>
public sealed record DateReading(ResolvedDate Date, string? Question = null, string? QuestionEn = null)
{
    public bool NeedsConfirmation => Question is not null;
}
