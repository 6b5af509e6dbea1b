using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Commands;

/// <summary>添加联系人 &lt;公司&gt; &lt;姓名&gt; [角色] [电话] — adds a contact (role 硬件研发 / 采购 / 供应链 / 其他).</summary>
public sealed class ContactCommand(CustomerService customers) : Command, ICommand
{
    public static CommandSpec Spec { get; } = new("contact", "添加联系人")
    {
        Aliases = ["contact", "add contact", "加联系人"],
        Who = Who.CustomerWorkers,
        Params =
        [
            new("company", ParamKind.Company, "公司", "company", "请问是哪家客户？", "Which customer?"),
            new("name", ParamKind.Contact, "姓名", "name", "请输入联系人姓名：", "Contact name?"),
            new("role", ParamKind.Text, "角色", "role") { Required = false },
            new("phone", ParamKind.Phone, "电话", "phone") { Required = false },
        ],
        Summary = "添加联系人（角色：硬件研发/采购/供应链/其他）", SummaryEn = "add a contact (role: R&D, purchasing, supply chain, other)",
        Example = "添加联系人 汇川 李工 硬件研发 13912345678",
        Notes = "roles 硬件研发 / 采购 / 供应链 / 其他",
    };

    /// <summary>The company first; a phone and a role wherever they stand; the other words are the name.</summary>
    public override Dictionary<string, string> Parse(string rest, IReadOnlyList<Param> parameters, TimeProvider clock)
    {
        var values = new Dictionary<string, string>();
        var tokens = Tokenizer.Split(rest);
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

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        var c = v.Customer("company");
        var contact = customers.AddContact(ctx.Actor, c.Id, new Contact
        {
            Name = v.Text("name").Trim(), Role = ContactRoles.Parse(v.Get("role")), Phone = v.Get("phone"),
        });
        return ctx.L(
            $"✅ 已添加联系人：{c.Company} · {contact.Name} · {contact.Role.Chinese()}{(contact.Phone is null ? "" : " · " + contact.Phone)}",
            $"✅ Contact added: {c.Company} · {contact.Name}");
    }
}
