using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Commands;

/// <summary>添加联系人 &lt;公司&gt; &lt;姓名&gt; [角色] [电话] — adds a contact (role 硬件研发 / 采购 / 供应链 / 其他).</summary>
public sealed class ContactCommand(CustomerService customers) : Command
{
    public override string Name => "添加联系人";
    public override IReadOnlyList<string> Aliases => ["contact", "add contact", "加联系人"];
    public override string Usage => "添加联系人 <公司> <姓名> [角色] [电话]";
    public override string UsageEn => "contact <company> <name> [role] [phone]";
    public override string Summary => "添加联系人（角色：硬件研发/采购/供应链/其他）";
    public override string SummaryEn => "add a contact (role: R&D, purchasing, supply chain, other)";
    public override string Example => "添加联系人 汇川 李工 硬件研发 13912345678";
    public override bool IsFor(User user) => Access.WorksCustomers(user);

    public override IReadOnlyList<Param> Params =>
    [
        new("company", ParamKind.Company, "请问是哪家客户？", "Which customer?"),
        new("name", ParamKind.Text, "请输入联系人姓名：", "Contact name?"),
        new("role", ParamKind.Text, "", "", Required: false),
        new("phone", ParamKind.Text, "", "", Required: false),
    ];

    public override Dictionary<string, string> Parse(string rest)
    {
        var values = new Dictionary<string, string>();
        var tokens = Tokens.Split(rest);
        if (tokens.Count > 0) values["company"] = tokens[0];
        var others = new List<string>();
        foreach (var t in tokens.Skip(1))
        {
            if (!values.ContainsKey("phone") && PhoneNumber.LooksLikePhone(t)) values["phone"] = t;
            else if (!values.ContainsKey("role") && ContactRoles.Parse(t) != ContactRole.Other) values["role"] = t;
            else others.Add(t);
        }
        if (others.Count > 0) values["name"] = string.Join(" ", others);
        return values;
    }

    public override Task<IReadOnlyList<Reply>> ExecuteAsync(TurnContext ctx, CommandValues v, CancellationToken ct)
    {
        var c = v.Customer("company");
        var contact = customers.AddContact(ctx.Actor, c.Id, new Contact
        {
            Name = v.Text("name").Trim(), Role = ContactRoles.Parse(v.Get("role")), Phone = v.Get("phone"),
        });
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(ctx.L(
            $"✅ 已添加联系人：{c.Company} · {contact.Name} · {contact.Role.Chinese()}{(contact.Phone is null ? "" : " · " + contact.Phone)}",
            $"✅ Contact added: {c.Company} · {contact.Name}"))]);
    }
}
