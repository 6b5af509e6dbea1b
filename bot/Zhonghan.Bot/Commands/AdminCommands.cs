using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Commands;

/// <summary>添加用户 &lt;企业微信ID&gt; &lt;姓名&gt; &lt;角色&gt; &lt;部门&gt; — admins bind a colleague (WeCom userid = local name).</summary>
public sealed class AddUserCommand(UserDirectory users, AuditLog audit) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("add-user", "添加用户")
    {
        Aliases = ["add user", "adduser", "绑定用户"],
        Group = CommandGroups.Admin,
        Who = Who.Admins,
        Params =
        [
            new("id", ParamKind.Text, "企业微信ID", "wecom-id", "请输入同事的企业微信账号（UserID）：", "The colleague's WeCom userid?"),
            new("name", ParamKind.Text, "姓名", "name", "请输入姓名：", "Name?"),
            new("role", ParamKind.Text, "角色", "role", "请输入角色（销售/询价助理/采购/主管/总经理/管理员）：", "Role (rep, assistant, purchasing, manager, gm, admin)?"),
            new("department", ParamKind.Text, "部门", "department", "请输入部门：", "Department?") { Rest = true },
        ],
        Summary = "开通同事的账号（角色：销售/询价助理/采购/主管/总经理/管理员）", SummaryEn = "bind a colleague (roles: rep, assistant, purchasing, manager, gm, admin)",
        Example = "添加用户 chenba 陈八 销售 华东销售部",
        Notes = "admins: open an account",
    };

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var id = v.Text("id").Trim();
        if (id.Length > 64 || id.Any(ch => char.IsWhiteSpace(ch) || ch is '|' or '#'))
            return Reply1(ctx.L("企业微信账号格式不对（不能有空格，最多64个字符）。", "That userid is not valid."));
        if (!Roles.TryParse(v.Text("role"), out var role))
            return Reply1(ctx.L($"没有“{v.Text("role")}”这个角色。可选：销售、询价助理、采购、主管、总经理、管理员。",
                                "Unknown role. Use: rep, assistant, purchasing, manager, gm, admin."));
        var dept = users.DepartmentByName(v.Text("department"));
        if (dept is null)
            return Reply1(ctx.L($"没有“{v.Text("department")}”这个部门。现有部门：{string.Join("、", users.Departments.Select(d => d.Name))}。",
                                $"No such department. Existing: {string.Join(", ", users.Departments.Select(d => d.Name))}."));
        var existing = users.ByLocalName(id) ?? users.ByWeCom(id);
        var user = existing ?? new User { LocalName = id };
        var rawName = v.Text("name");
        user.Name = NameText.Clean(rawName);
        if (user.Name.Length == 0) return Reply1(ctx.L("姓名不能为空。", "The name is required."));
        user.WeComUserId = id;
        user.Role = role;
        user.DepartmentId = dept.Id;
        user.Active = true;
        users.Save(ctx.Actor, user);
        // The name as typed, hidden characters written out, when cleaning changed it.
        if (user.Name != rawName.Trim()) audit.Record(ctx.Actor, "user.name.cleaned", $"user:{user.Id}", NameText.ForAudit(user.Name, rawName));
        return Reply1(ctx.L($"✅ 已{(existing is null ? "开通" : "更新")}：{user.Name}（{id}）· {role.Chinese()} · {dept.Name}",
                            $"✅ {(existing is null ? "Added" : "Updated")}: {user.Name} ({id}) · {role} · {dept.Name}"));
    }

    private static CommandResult Reply1(string text) => text;
}
