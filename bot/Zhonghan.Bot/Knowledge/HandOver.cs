using Zhonghan.Core.Reminders;
using System.Security.Cryptography;
using System.Text;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Bot.Knowledge;

/// <summary>
/// Gives a customer's question to a person. The rep is the owner of the customer the contact is linked to, else the
/// on-duty rep of that customer's department, else an on-duty rep (the same one for the same person every time).
/// An unknown person becomes a lead (source 客服) owned by that rep, with the question as the first follow-up; a
/// known customer gets the question as a follow-up. The rep is told through the delivery queue.
/// </summary>
public sealed class HandOver(
    UserDirectory users, CustomerService customers, ExternalContacts contacts, DeliveryQueue deliveries, ILogger<HandOver> log)
{
    public const string LeadSource = "客服";
    public const string NewLead = "新客服线索";

    /// <summary>The rep who takes this person's questions, or null when the company has no one to take them.</summary>
    public User? RepFor(ExternalContact contact)
    {
        var customer = contact.CustomerId is int id ? customers.Get(id) : null;
        if (customer?.OwnerId is int owner && users.Get(owner) is { Active: true } o) return o;
        if (customer is not null && OnDuty(customer.DepartmentId).FirstOrDefault() is { } duty) return duty;
        var all = users.All.Where(u => u.Active && u.OnDuty && u.Role == Role.Rep).OrderBy(u => u.Id).ToList();
        if (all.Count == 0) all = users.WithRole(Role.Rep).OrderBy(u => u.Id).ToList();
        if (all.Count == 0) all = users.WithRole(Role.Manager).Concat(users.WithRole(Role.Admin)).OrderBy(u => u.Id).ToList();
        return all.Count == 0 ? null : all[Stable(contact.Id) % all.Count];
    }

    /// <summary>Makes sure the person is in the CRM: links an unknown one to a new lead with the question as first follow-up.</summary>
    public Customer? EnsureLead(Turn turn, ExternalContact contact, User rep, string question)
    {
        if (contact.CustomerId is int id) return customers.Get(id);
        var actor = new Actor { User = rep, Channel = turn.Channel, MessageId = turn.MessageId };
        var name = DisplayName(contact);
        try
        {
            var result = customers.CreateLead(actor, new LeadInput
            {
                Company = $"客服访客-{name}-{Stable(contact.Id) % 1_000_000:D6}", ContactName = name, Source = LeadSource, OwnerId = rep.Id,
            });
            var customer = result.Created ?? result.Existing!;
            contacts.Link(contact.Channel, contact.ExternalId, customer.Id);
            contact.CustomerId = customer.Id;
            if (result.Created is not null) LogQuestion(actor, customer.Id, turn, question);
            log.LogInformation("Customer-service visitor became lead {CustomerId} of {Rep}", customer.Id, rep.LocalName);
            return customer;
        }
        catch (CrmException e)
        {
            // E.g. the rep is at the private-lead limit: the notification below still carries the question.
            log.LogWarning("Could not create a lead for visitor {Contact}: {Reason}", contact.Id, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Records a question on a known customer's timeline. It is the customer's doing, not the rep's follow-up, so it
    /// does not move the plan or the public-pool clock.
    /// </summary>
    public void LogQuestion(Actor actor, int customerId, Turn turn, string question)
    {
        try
        {
            customers.LogInbound(actor, customerId, $"客服咨询：{question}",
                turn.Channel == Channels.WeComKf ? FollowUpKind.WeChat : FollowUpKind.Other);
        }
        catch (CrmException e)
        {
            log.LogWarning("Could not log the customer question on {CustomerId}: {Reason}", customerId, e.Message);
        }
    }

    /// <summary>Queues for the rep the question and the short history, with a button to open the customer (sent once the turn commits).</summary>
    public void Notify(User rep, Turn turn, ExternalContact contact, Customer? customer, string question,
        string reason, IReadOnlyList<SessionLine> history)
    {
        var card = new Card
        {
            // A new lead is news, not a request to take over the chat: the title says which it is.
            Title = reason == NewLead ? $"新客服线索：{DisplayName(contact)}" : $"客户咨询转人工：{DisplayName(contact)}",
            Subtitle = reason,
            Fields =
            [
                new("客户", customer?.Company ?? DisplayName(contact)),
                new("渠道", turn.Channel == Channels.WeComKf ? "微信客服" : turn.Channel),
                new("问题", question),
            ],
            Lines = history.TakeLast(6).Select(l => $"{(l.FromCustomer ? "客户" : "机器人")}：{Clip(l.Text, 120)}").ToList(),
        };
        if (customer is not null) card.Actions.Add(CardAction.Run("查看客户", CommandIntent.OfCustomer(ActionKind.OpenCustomer, customer.Id)));
        var text = $"📨 {card.Title}（{reason}）\n问题：{question}" + (card.Lines.Count > 0 ? "\n最近对话：\n" + string.Join("\n", card.Lines) : "");
        deliveries.Notify(rep, Reply.WithCard(text, card), $"kb-handover:{turn.Channel}:{MessageIds.Key(turn.Channel, turn.MessageId)}");
    }

    /// <summary>"客户-王先生" → "王先生"; a WeCom nickname as given; else the id.</summary>
    public static string DisplayName(ExternalContact c)
    {
        var name = c.Name ?? c.ExternalId;
        foreach (var prefix in new[] { "客户-", "客户_", "客户" })
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length) return name[prefix.Length..];
        return name.Length > 24 ? name[..24] : name;
    }

    private IEnumerable<User> OnDuty(int departmentId) =>
        users.InDepartment(departmentId, Role.Rep).Where(u => u.OnDuty).OrderBy(u => u.Id);

    private static int Stable(string s) => (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(s)), 0) & 0x7FFFFFFF);

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
