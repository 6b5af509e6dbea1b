using Zhonghan.Core.Conversations;

namespace Zhonghan.Core.Tests;

/// <summary>The core's services are tested without the bot's table: a typed action is worded by its kind and arguments.</summary>
public sealed class KindWords : ICommandWords
{
    public static readonly KindWords Instance = new();

    public string Word(ActionKind kind, bool english = false) => kind.ToString();

    public string Text(CommandIntent intent) =>
        string.Join(" ", new[] { intent.Kind.ToString(), intent.Customer is int c ? $"#{c}" : null, intent.Opportunity is int o ? $"#{o}" : null,
            intent.Document?.ToString(), intent.When, intent.Text }.OfType<string>());

    public string Usage(CommandIntent intent, bool optional = false, bool english = false) => Text(intent) + " …";
}
