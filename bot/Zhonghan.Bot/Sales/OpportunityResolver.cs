using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.People;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

public sealed class OpportunityResolver(OpportunityFinder finder) : IEntityResolver
{
    public ParamKind Kind => ParamKind.Opportunity;

    public Resolution Resolve(User user, string text)
    {
        var (match, candidates) = finder.Find(user, text);
        return match is not null
            ? new Resolution(match, match.Id, [])
            : new Resolution(null, 0, candidates.Select(o => new Candidate(o.Id, $"{o.CustomerName} · {o.Name}（{o.Stage.Chinese()}）")).ToList());
    }

    public string NotFound(TurnContext ctx, string typed) => ctx.L(
        $"没有找到商机“{typed}”（或你没有查看权限）。发送“我的商机”查看，或“新建商机 <公司> <项目>”。",
        $"No opportunity '{typed}' found (or you may not see it). Send \"my deals\".");
}
