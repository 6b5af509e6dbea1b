using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// 新建线索 &lt;公司&gt; [联系人] [电话] — a new lead, or a clear note that it already exists and whose it is. When the
/// words after the company are not a contact or a phone (苏州 新锐 电子 李工), the rep picks which part is the company.
/// </summary>
public sealed class LeadCommand(CustomerService customers, UserDirectory users, CustomerCards cards) : Command, ICommand
{
    // The words whose company part is not clear, and the reading the rep picked (#1 = the longest company).
    private const string Words = "words", Pick = "pick";

    public static CommandSpec Spec { get; } = new("lead", "新建线索")
    {
        Aliases = ["lead", "new lead", "新线索", "建线索", "添加线索"],
        Who = Who.CustomerWorkers,
        Params =
        [
            new("company", ParamKind.Text, "公司", "company", "请输入公司名称：", "Which company?"),
            new("contact", ParamKind.Contact, "联系人", "contact") { Required = false },
            new("phone", ParamKind.Phone, "电话", "phone") { Required = false },
            new(Words, ParamKind.Text, "", "") { Required = false, Hidden = true },
            new(Pick, ParamKind.Text, "", "") { Required = false, Hidden = true },
        ],
        Summary = "新建一条线索（自动查重）", SummaryEn = "create a lead (duplicates are caught)",
        Example = "新建线索 深圳市汇川技术股份有限公司 王工 13800138000",
        Notes = "a new lead; the same company (苏州汇芯微电子 = 汇芯微电子（苏州）, 有限/股份/集团 alike) or phone is caught and you are told "
            + "whose it is; the reply's 明天 / 后天 / 下周一 buttons plan the first follow-up; when the words after the company are no contact "
            + "(`苏州 新锐 电子 李工`) you pick which part is the company",
    };

    /// <summary>The company, contact and phone as the lead words read them (苏州 新锐 电子 李工 may need a choice).</summary>
    public override Dictionary<string, string> Parse(string rest, IReadOnlyList<Param> parameters, TimeProvider clock)
    {
        var values = new Dictionary<string, string>();
        var words = LeadText.Split(rest);
        if (words.Phone is { } phone) values["phone"] = phone;
        if (words.IsAmbiguous) values[Words] = rest;
        if (words.Company is { } company) values["company"] = company;
        if (words.Contact is { } contact) values["contact"] = contact;
        return values;
    }

    public override Clarification? Clarify(Dictionary<string, string> raw)
    {
        if (!raw.TryGetValue(Words, out var text)) return null;
        var choices = LeadText.Split(text).Choices;
        if (raw.TryGetValue(Pick, out var pick) && int.TryParse(pick.TrimStart('#'), out var n) && n >= 1 && n <= choices.Count)
        {
            raw.Remove(Words);
            raw.Remove(Pick);
            raw["company"] = choices[n - 1].Company;
            if (choices[n - 1].Contact is { } contact) raw["contact"] = contact; else raw.Remove("contact");
            return null;
        }
        return new Clarification(Pick, "哪部分是公司名？请选择：", "Which part is the company?",
            choices.Select((c, i) => new Candidate(i + 1, c.Company + (c.Contact is null ? "" : $"（联系人 {c.Contact}）"))).ToList());
    }

    public override CommandResult Execute(TurnContext ctx, CommandValues v)
    {
        if (CompanyName.IsRegion(v.Text("company")))
            return ctx.L($"“{v.Text("company")}”只是地名，请写完整的公司名称，例如：新建线索 {v.Text("company")}新锐电子 李工。",
                $"'{v.Text("company")}' is only a place: write the company's full name.");
        var result = customers.CreateLead(ctx.Actor, new LeadInput
        {
            Company = v.Text("company"), ContactName = v.Get("contact"), Phone = v.Get("phone"), Source = ctx.L("聊天录入", "chat"),
        });
        if (result.Created is Customer c)
        {
            var contact = c.Contacts.FirstOrDefault();
            var text = ctx.L($"✅ 已新建线索：{c.Company}（#{c.Id}）", $"✅ Lead created: {c.Company} (#{c.Id})")
                + (contact is null ? "" : ctx.L($"\n联系人：{contact.Name} {contact.Phone}", $"\nContact: {contact.Name} {contact.Phone}").TrimEnd())
                + ctx.L($"\n负责人：{ctx.User.Name}\n首次跟进安排在哪天？点下面的按钮，或发送：{ctx.Cmd<RescheduleCommand>(Short(c))} <日期>",
                        $"\nOwner: {ctx.User.Name}\nWhen is the first follow-up? Press a button, or send: {ctx.Cmd<RescheduleCommand>(Short(c))} <date>");
            var card = new Card { Title = c.Company, Subtitle = ctx.L("新线索 · 安排首次跟进", "New lead · plan the first follow-up") };
            // The first follow-up date is what puts a new lead on the rep's list and reminders: one press sets it.
            foreach (var (zh, en) in FirstFollowUpDays)
                card.Actions.Add(CardAction.Run(ctx.L(zh, en), CommandIntent.OfCustomer(ActionKind.PlanFollowUp, c.Id, zh), CardActionStyle.Primary));
            card.Actions.Add(CardAction.Run(ctx.L("查看客户", "Open"), CommandIntent.OfCustomer(ActionKind.OpenCustomer, c.Id)));
            return new Reply { Text = text, Card = card };
        }
        return DuplicateText(ctx, result);
    }

    /// <summary>The buttons for the first follow-up date (the date words 下次跟进 understands).</summary>
    public static readonly (string Chinese, string English)[] FirstFollowUpDays = [("明天", "Tomorrow"), ("后天", "In 2 days"), ("下周一", "Next Monday")];

    private string DuplicateText(TurnContext ctx, LeadResult r)
    {
        var e = r.Existing!;
        var on = r.MatchedOn == "phone" ? ctx.L("（电话号码相同）", " (same phone number)") : "";
        var user = ctx.User;
        string whose;
        if (e.Status == CustomerStatus.PublicPool)
            whose = ctx.L($"它在公海中，可以发送“{ctx.Cmd<ClaimCommand>($"#{e.Id}")}”领取。", $"It is in the public pool: send \"{ctx.Cmd<ClaimCommand>($"#{e.Id}")}\".");
        else if (e.OwnerId == user.Id)
            whose = ctx.L($"它已经是你的客户了，发送“{ctx.Cmd<CustomerCommand>($"#{e.Id}")}”查看。", $"It is already yours: send \"{ctx.Cmd<CustomerCommand>($"#{e.Id}")}\".");
        else if (Access.CanSee(user, e) || e.DepartmentId == user.DepartmentId)
            whose = ctx.L($"由同事 {cards.OwnerName(e)} 负责。", $"{cards.OwnerName(e)} owns it.");
        else
            whose = ctx.L($"由{users.Department(e.DepartmentId)?.Name ?? "其他部门"}的同事负责。", "Another department's colleague owns it.");
        var name = Access.CanSee(user, e) || e.DepartmentId == user.DepartmentId ? e.Company : ctx.L("这家公司", "this company");
        return ctx.L($"⚠️ 没有新建：{name} 已存在{on}。{whose}", $"⚠️ Not created: {name} already exists{on}. {whose}");
    }

    /// <summary>What to type to reach the customer: the name when it has no spaces, else its id.</summary>
    private static string Short(Customer c) => c.Company.Any(Tokenizer.IsSpace) ? $"#{c.Id}" : c.Company;
}
