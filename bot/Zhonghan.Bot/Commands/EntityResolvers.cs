using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Commands;

public sealed record Candidate(int Id, string Label);

/// <summary>What a typed name resolved to: one entity, several candidates, or nothing.</summary>
public sealed record Resolution(object? Match, int MatchId, IReadOnlyList<Candidate> Candidates)
{
    public static readonly Resolution None = new(null, 0, []);
}

/// <summary>Finds an entity of one <see cref="ParamKind"/> from what the user typed, among what they may see.</summary>
public interface IEntityResolver
{
    ParamKind Kind { get; }
    Resolution Resolve(User user, string text);
    string NotFound(TurnContext ctx, string typed);
}

public sealed class CustomerResolver(CustomerFinder finder) : IEntityResolver
{
    public ParamKind Kind => ParamKind.Company;

    public Resolution Resolve(User user, string text)
    {
        var found = finder.Find(user, text);
        return found.Match is { } c ? new Resolution(c, c.Id, []) : new Resolution(null, 0, found.Candidates.Select(c => new Candidate(c.Id, c.Company)).ToList());
    }

    public string NotFound(TurnContext ctx, string typed) => ctx.L(
        $"没有找到客户“{typed}”（或你没有查看权限）。可以发送“我的线索”查看你的客户，或“新建线索 {typed}”。",
        $"No customer '{typed}' found (or you may not see it). Send \"my leads\" to list yours.");
}
