using Zhonghan.Core.People;

namespace Zhonghan.Core.Security;

/// <summary>Who is acting, and through which message: every change is audited with it.</summary>
public sealed class Actor
{
    public required User User { get; init; }
    public string Channel { get; init; } = Conversations.Channels.System;
    public string? MessageId { get; init; }

    public static Actor System(User user) => new() { User = user, Channel = Conversations.Channels.System };
}
