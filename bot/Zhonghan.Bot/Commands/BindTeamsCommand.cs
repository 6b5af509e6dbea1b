using Zhonghan.Bot.Pipeline;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// 绑定Teams &lt;用户&gt; &lt;AAD对象ID&gt; — admins link a colleague's Teams account (Entra object id) to a CRM user,
/// so messages from Teams are theirs and reminders can reach them there. "解除" instead of the id removes the link.
/// </summary>
public sealed class BindTeamsCommand(UserDirectory users) : Command, ICommand
{
    private static readonly HashSet<string> UnbindWords = ["解除", "解绑", "无", "none", "remove", "-"];

    public static CommandSpec Spec { get; } = new("bind-teams", "绑定Teams")
    {
        Aliases = ["bind teams", "绑定 Teams", "teams绑定"],
        Group = CommandGroups.Admin,
        Who = Who.Admins,
        Params =
        [
            new("user", ParamKind.Text, "用户", "user", "请输入要绑定的同事（账号或姓名）：", "Which colleague (user id or name)?"),
            new("aad", ParamKind.Text, "AAD对象ID", "aad-object-id", "请输入同事的 Teams 对象 ID（Entra 对象 ID，形如 7faf8ab2-3d56-4244-b585-20c8a42ed2b8）：",
                "The colleague's Teams (Entra) object id?") { Rest = true },
        ],
        Summary = "把同事的 Teams 账号（Entra 对象 ID）绑定到 CRM 用户；ID 写“解除”取消绑定",
        SummaryEn = "link a colleague's Teams account (Entra object id); \"remove\" unlinks",
        Example = "绑定Teams zhangsan 7faf8ab2-3d56-4244-b585-20c8a42ed2b8",
        Notes = "admins link a Teams account",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var name = v.Text("user");
        var user = users.Find(name) ?? throw new CrmException(
            $"没有找到用户“{name}”。可以先用“添加用户”为他开通。", $"No user '{name}'. Add them first with \"add user\".");
        var raw = v.Text("aad").Trim();
        if (UnbindWords.Contains(raw.ToLowerInvariant()))
        {
            user.TeamsAadObjectId = null;
            users.Save(ctx.Actor, user);
            return Reply1(ctx.L($"✅ 已解除 {user.Name}（{user.LocalName}）的 Teams 绑定。", $"✅ {user.Name} ({user.LocalName}) is no longer linked to Teams."));
        }
        if (!Guid.TryParseExact(raw, "D", out var guid))
            return Reply1(ctx.L($"“{raw}”不是有效的 Teams 对象 ID。它形如 7faf8ab2-3d56-4244-b585-20c8a42ed2b8，"
                                + "可在 Entra 管理中心的用户资料里找到；同事在 Teams 里给机器人发一条消息，机器人也会告诉他自己的 ID。",
                                $"'{raw}' is not a valid object id (like 7faf8ab2-3d56-4244-b585-20c8a42ed2b8). The bot tells users their id when they message it."));
        var id = guid.ToString("D");
        if (users.ByTeams(id) is { } other && other.Id != user.Id)
            return Reply1(ctx.L($"这个 Teams 账号已经绑定给 {other.Name}（{other.LocalName}）了，请先发送“绑定Teams {other.LocalName} 解除”。",
                                $"That Teams account is linked to {other.Name} ({other.LocalName}); unlink it first."));
        user.TeamsAadObjectId = id;
        users.Save(ctx.Actor, user);
        return Reply1(ctx.L($"✅ 已绑定：{user.Name}（{user.LocalName}）↔ Teams {id}", $"✅ Linked: {user.Name} ({user.LocalName}) ↔ Teams {id}"));
    }

    private static CommandResult Reply1(string text) => text;
}
