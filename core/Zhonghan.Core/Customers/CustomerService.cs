using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Core.Customers;

/// <summary>Leads, contacts and follow-ups: every change checks access and is written with its audit line in the caller's unit of work.</summary>
public sealed class CustomerService(ICustomerStore store, UserDirectory users, AuditLog audit, PoolRules rules, ICommandWords words, TimeProvider clock)
{
    public ICustomerStore Store => store;

    public Customer? Get(int id) => store.Get(id);

    public Customer GetVisible(User user, int id)
    {
        var c = Get(id);
        if (c is null || !Access.CanSee(user, c)) throw Access.NotVisible();
        return c;
    }

    /// <summary>An existing customer with the same company (normalized) or the same phone, if any.</summary>
    public (Customer? Customer, string? On) FindDuplicate(string company, string? phone)
    {
        var key = CompanyName.Key(company);
        if (store.WithNameKey(key, 1) is [var byName, ..]) return (byName, "name");
        var core = CompanyName.StripRegion(key);
        if (core.Length >= 2 && store.WithCoreKey(core, 1) is [var byCore, ..]) return (byCore, "name");
        var p = PhoneNumber.Normalize(phone);
        if (p.Length > 0 && store.WithPhone(p, 1) is [var byPhone, ..]) return (byPhone, "phone");
        return (null, null);
    }

    public LeadResult CreateLead(Actor actor, LeadInput input)
    {
        var user = actor.User;
        if (!Access.WorksCustomers(user))
            throw new AccessDeniedException("你的角色不能新建线索。", "Your role cannot create leads.");
        var company = NameText.Clean(input.Company);
        if (CompanyName.Key(company).Length < 2)
            throw new CrmException("公司名称太短或无效，请输入完整的公司名称。", "The company name is too short or invalid.");
        if (company.Length > 100)
            throw new CrmException("公司名称过长（最多100字）。", "The company name is too long (100 characters at most).");
        if (PhoneNumber.Problem(input.Phone) is { } phoneProblem) throw PhoneRefused(phoneProblem);

        var (existing, on) = FindDuplicate(company, input.Phone);
        if (existing is not null) return new LeadResult { Existing = existing, MatchedOn = on };

        var ownerId = input.OwnerId ?? user.Id;
        var owner = ownerId == user.Id ? user : users.Get(ownerId)
            ?? throw new CrmException("指定的负责人不存在。", "The given owner does not exist.");
        EnsureBelowLimit(owner);
        var customer = NewCustomer(input, owner);
        store.Add(customer);
        audit.Record(actor, "lead.create", $"customer:{customer.Id}", $"新建线索 {NameText.ForAudit(customer.Company, input.Company)}"
            + (input.ContactName is { Length: > 0 } raw && NameText.Clean(raw) != raw.Trim() ? $" 联系人 {NameText.ForAudit(NameText.Clean(raw), raw)}" : ""));
        return new LeadResult { Created = customer };
    }

    /// <summary>Builds a customer document (no I/O): used by single creates and bulk import.</summary>
    public Customer NewCustomer(LeadInput input, User owner)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var company = NameText.Clean(input.Company);
        var customer = new Customer
        {
            Company = company,
            NameKey = CompanyName.Key(company),
            CoreKey = CompanyName.CoreKey(company),
            Industry = Blank(input.Industry),
            Region = Blank(input.Region),
            Importance = input.Importance,
            Source = Blank(input.Source),
            OwnerId = owner.Id,
            DepartmentId = owner.DepartmentId,
            Status = CustomerStatus.Lead,
            CreatedAt = now,
            OwnedSince = now,
            LastTouchAt = now,
        };
        if (!string.IsNullOrWhiteSpace(input.ContactName) || !string.IsNullOrWhiteSpace(input.Phone))
        {
            customer.Contacts.Add(new Contact
            {
                Id = 1,
                Name = NameText.Clean(input.ContactName),
                Role = input.ContactRole,
                Title = Blank(input.ContactTitle),
                Phone = Blank(input.Phone),
                WeChat = Blank(input.WeChat),
                Email = Blank(input.Email),
            });
        }
        customer.RefreshPhones();
        return customer;
    }

    public Contact AddContact(Actor actor, int customerId, Contact contact)
    {
        var c = GetChangeable(actor.User, customerId);
        if (PhoneNumber.Problem(contact.Phone) is { } phoneProblem) throw PhoneRefused(phoneProblem);
        var rawName = contact.Name;
        contact.Name = NameText.Clean(rawName);
        var phone = PhoneNumber.Normalize(contact.Phone);
        if (phone.Length > 0 && store.WithPhone(phone, 2).Any(other => other.Id != c.Id))
            throw new CrmException("这个电话号码已登记在另一个客户下。", "This phone number belongs to another customer.");
        contact.Id = c.Contacts.Count == 0 ? 1 : c.Contacts.Max(x => x.Id) + 1;
        c.Contacts.Add(contact);
        c.RefreshPhones();
        store.Save(c);
        audit.Record(actor, "contact.add", $"customer:{c.Id}", $"添加联系人 {NameText.ForAudit(contact.Name, rawName)}");
        return contact;
    }

    /// <summary>
    /// Logs a follow-up. With a next date the plan moves to it; without one, a plan already due is cleared
    /// (this follow-up fulfils it) and a future plan stays. Returns the follow-up and the customer as saved.
    /// </summary>
    public FollowUpLogged LogFollowUp(Actor actor, int customerId, string note, FollowUpKind? kind, ResolvedDate? next, int? contactId = null)
    {
        note = note.Trim();
        if (note.Length == 0) throw new CrmException("跟进内容不能为空。", "The follow-up note is empty.");
        if (note.Length > 2000) throw new CrmException("跟进内容过长（最多2000字）。", "The note is too long (2000 characters at most).");
        var now = clock.GetUtcNow().UtcDateTime;
        if (next is ResolvedDate n) EnsureNotPast(n);

        var c = GetChangeable(actor.User, customerId);
        if (contactId is int cid && c.Contacts.All(x => x.Id != cid))
            throw new CrmException("联系人不存在。", "No such contact.");
        var f = new FollowUp
        {
            CustomerId = c.Id,
            ContactId = contactId,
            Kind = kind ?? FollowUpKinds.Guess(note),
            Note = note,
            At = now,
            NextDueAt = next?.Utc,
            NextDueDateOnly = next?.DateOnly ?? false,
            ById = actor.User.Id,
        };
        store.AddFollowUp(f);
        c.LastFollowUpAt = now;
        c.LastTouchAt = now;
        c.PoolWarnedFor = null;
        if (next is ResolvedDate nd) { c.NextFollowUpAt = nd.Utc; c.NextFollowUpDateOnly = nd.DateOnly; }
        else if (c.NextFollowUpAt is DateTime due && due <= EndOfToday()) { c.NextFollowUpAt = null; c.NextFollowUpDateOnly = false; }
        store.Save(c);
        audit.Record(actor, "followup.add", $"customer:{c.Id}", $"{f.Kind.Chinese()}：{Clip(note, 60)}");
        return new FollowUpLogged(f, c);
    }

    /// <summary>
    /// Records something the customer did (e.g. a question to the service bot) on the timeline. It is not the rep's
    /// follow-up: the plan, "last follow-up" and the public-pool clock stay as they are.
    /// </summary>
    public FollowUp LogInbound(Actor actor, int customerId, string note, FollowUpKind kind)
    {
        note = Clip(note.Trim(), 2000);
        if (note.Length == 0) throw new CrmException("内容不能为空。", "The note is empty.");
        var c = Get(customerId) ?? throw Access.NotVisible();
        var f = new FollowUp { CustomerId = c.Id, Kind = kind, Note = note, At = clock.GetUtcNow().UtcDateTime, ById = actor.User.Id };
        store.AddFollowUp(f);
        audit.Record(actor, "customer.inbound", $"customer:{c.Id}", Clip(note, 60));
        return f;
    }

    /// <summary>Moves the next follow-up (推迟) without logging one.</summary>
    public Customer Reschedule(Actor actor, int customerId, ResolvedDate next)
    {
        EnsureNotPast(next);
        var c = GetChangeable(actor.User, customerId);
        c.NextFollowUpAt = next.Utc;
        c.NextFollowUpDateOnly = next.DateOnly;
        store.Save(c);
        audit.Record(actor, "followup.reschedule", $"customer:{c.Id}", $"下次跟进改为 {next.Describe()}");
        return c;
    }

    /// <summary>Newest follow-ups of a customer first (an index range, no sort).</summary>
    public IReadOnlyList<FollowUp> Timeline(int customerId, int limit = 20, DateTime? before = null) =>
        store.Timeline(customerId, limit, before);

    /// <summary>The user's own customers ordered by next follow-up (none last), one page.</summary>
    public (IReadOnlyList<Customer> Items, int Total) Mine(User user, int page, int pageSize) =>
        (store.OwnedBy(user.Id, Math.Max(0, page - 1) * pageSize, pageSize), (int)store.CountOwnedBy(user.Id));

    /// <summary>The user's customers whose next follow-up is due at or before <paramref name="untilUtc"/>.</summary>
    public IReadOnlyList<Customer> DueFor(User user, DateTime untilUtc, int limit = 200) => store.OwnedDueBy(user.Id, untilUtc, limit);

    /// <summary>All owned customers whose next follow-up falls in [fromUtc, toUtc) — the reminder scan.</summary>
    public IReadOnlyList<Customer> DueBetween(DateTime fromUtc, DateTime toUtc, int limit = 10_000) => store.NextFollowUpBetween(fromUtc, toUtc, limit);

    public int CountOwned(int userId) => (int)store.CountOwnedBy(userId);

    internal void EnsureBelowLimit(User owner)
    {
        if (owner.Role != Role.Rep || rules.MaxPrivatePerRep <= 0) return;
        var owned = CountOwned(owner.Id);
        if (owned >= rules.MaxPrivatePerRep)
            throw new CrmException(
                $"{owner.Name}名下已有 {owned} 个客户，达到上限 {rules.MaxPrivatePerRep}。请先把不再跟进的客户退回公海。",
                $"{owner.Name} already holds {owned} customers, the limit is {rules.MaxPrivatePerRep}. Return some to the pool first.");
    }

    internal Customer GetChangeable(User user, int customerId)
    {
        var c = Get(customerId);
        if (c is null || !Access.CanSee(user, c)) throw Access.NotVisible();
        if (c.Status == CustomerStatus.PublicPool)
            throw new CrmException($"{c.Company} 在公海中，请先领取（{words.Word(ActionKind.Claim)} {c.Company}）。", $"{c.Company} is in the public pool: claim it first.");
        if (!Access.CanChange(user, c)) throw Access.NotYours();
        return c;
    }

    /// <summary>A next follow-up may be today (date only) or later, never in the past.</summary>
    private void EnsureNotPast(ResolvedDate next)
    {
        if (next.Utc >= clock.GetUtcNow().UtcDateTime || (next.DateOnly && next.LocalDay >= BusinessTime.Today(clock))) return;
        throw new CrmException($"下次跟进时间 {next.Describe()} 已经过去了，请给一个将来的时间。",
            "The next follow-up time is in the past; please give a future time.");
    }

    private DateTime EndOfToday() => BusinessTime.StartOfDayUtc(BusinessTime.Today(clock).AddDays(1));

    /// <summary>The phone check's "中文 / English" message as the domain's error.</summary>
    private static CrmException PhoneRefused(string problem)
    {
        var split = problem.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? new CrmException(problem, problem) : new CrmException(problem[..split], problem[(split + 3)..]);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
