using Zhonghan.Core.Parsing;

namespace Zhonghan.Core.Understanding;

/// <summary>The values a message may carry. Names match <see cref="Meaning"/>'s properties.</summary>
public enum Slot { Customer, Deal, Contact, Kind, Content, NextDate, RemindAt, Reason, Stage, Parts, Amount, Quantity, Phone, Period }

/// <summary>How the rep was in touch. Meal and Meeting are finer than the CRM's follow-up kinds; the caller maps them.</summary>
public enum TouchKind { Visit, Call, WeChat, Meal, Meeting, Email, AddFriend, Invite }

/// <summary>Which pay period a ListPay asks about.</summary>
public enum PayPeriod { Month, Quarter }

/// <summary>Words of the message as typed, and where they stand in it (the caller resolves them).</summary>
public sealed record Mention(string Text, int Start, int Length)
{
    public int End => Start + Length;
    public override string ToString() => Text;
}

/// <summary>A date in the message, read by <see cref="DateParser"/> (a plan: 下周三, 明早, 月底前).</summary>
public sealed record DateMention(string Text, int Start, int Length, DateReading Reading)
{
    public static DateMention From(FoundDate d) => new(d.Text, d.Start, d.Length, d.Reading);
}

/// <summary>A part number named in the message, with what the customer wants of it.</summary>
public sealed record PartNeed(string Mpn, string Norm, bool Sample, long? Quantity);
