using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Core.Sales;

/// <summary>A stage gate is closed: the message says what is missing; <see cref="Gate"/> lets the bot ask for it.</summary>
public sealed class GateClosedException(GateResult gate) : CrmException(gate.Chinese, gate.English)
{
    public GateResult Gate { get; } = gate;
}

/// <summary>Opportunities: create, parts, stages through the gates, lost, tests, design registrations. Audited.</summary>
public sealed class OpportunityService(
    ISalesStore store, CustomerService customers, StageGates gates, ICommandWords words, AuditLog audit, TimeProvider clock)
{
    public Opportunity? Get(int id) => store.Opportunity(id);

    public Opportunity GetVisible(User user, int id)
    {
        var o = Get(id);
        if (o is null || !SalesAccess.CanSee(user, o)) throw SalesAccess.NotVisible();
        return o;
    }

    public Opportunity Create(Actor actor, int customerId, string name, decimal? expectedAmount = null)
    {
        name = name.Trim();
        if (name.Length is < 2 or > 60) throw new CrmException("项目名称需要 2 到 60 个字。", "The project name needs 2 to 60 characters.");
        {
            var c = customers.GetChangeable(actor.User, customerId);
            if (ForCustomer(c.Id).Any(o => o.Stage.IsOpen() && o.NameKey == CompanyName.Fold(name)))
                throw new CrmException($"{c.Company} 已经有一个进行中的商机“{name}”。", $"{c.Company} already has an open opportunity '{name}'.");
            var now = Now;
            var o = new Opportunity
            {
                CustomerId = c.Id, CustomerName = c.Company, Name = name, OwnerId = c.OwnerId ?? actor.User.Id,
                DepartmentId = c.DepartmentId, Stage = Stage.Discovery, CreatedAt = now, StageSince = now, ExpectedAmount = expectedAmount,
            };
            o.RefreshNameKey();
            store.Add(o);
            if (c.Status == CustomerStatus.Lead) { c.Status = CustomerStatus.Active; customers.Store.Save(c); }
            audit.Record(actor, "opportunity.create", Key(o), $"新建商机 {c.Company} · {name}");
            return o;
        }
    }

    public IReadOnlyList<Opportunity> ForCustomer(int customerId) =>
        store.OpportunitiesOf(customerId);

    /// <summary>The user's opportunities, open ones first, newest first within each.</summary>
    public IReadOnlyList<Opportunity> Mine(User user, int limit = 50) =>
        store.OpportunitiesOwnedBy(user.Id, 5_000)
            .GroupBy(o => o.Stage.IsOpen()).OrderByDescending(g => g.Key)
            .SelectMany(g => g.OrderByDescending(o => o.CreatedAt)).Take(limit).ToList();

    public Opportunity AddPart(Actor actor, int id, OpportunityPart part)
    {
        part.Mpn = part.Mpn.Trim();
        if (PartPrice.Key(part.Mpn).Length < 3) throw new CrmException($"型号“{part.Mpn}”看起来不对。", $"'{part.Mpn}' does not look like a part number.");
        if (part.AnnualQuantity <= 0) throw new CrmException("年用量需要是正整数。", "The annual quantity must be a positive number.");
        if (part.TargetPrice is <= 0) throw new CrmException("目标价需要大于 0。", "The target price must be above 0.");
        return Change(actor, id, "opportunity.part", o =>
        {
            var existing = o.Parts.FirstOrDefault(p => PartPrice.Key(p.Mpn) == PartPrice.Key(part.Mpn));
            if (existing is not null) o.Parts.Remove(existing);
            o.Parts.Add(part);
            return $"{(existing is null ? "添加" : "更新")}物料 {part.Mpn} 年用量 {part.AnnualQuantity}";
        });
    }

    /// <summary>Moves to a stage through its gates; a closed gate is the result, nothing changed.</summary>
    public Gated<Opportunity> TryAdvance(Actor actor, int id, Stage target, string? note = null)
    {
        if (target == Stage.Lost)
        {
            var lose = new CommandIntent(ActionKind.Lose);
            throw new CrmException($"丢单请用：{words.Usage(lose)}。", $"Use '{words.Usage(lose, english: true)}'.");
        }
        GateResult? closed = null;
        var moved = Change(actor, id, "opportunity.stage", o =>
        {
            if (!o.Stage.IsOpen()) throw new CrmException($"商机已{o.Stage.Chinese()}，不能再推进。", $"The opportunity is {o.Stage}; it cannot move.");
            if (o.Stage == target) throw new CrmException($"商机已经在“{target.Chinese()}”阶段。", $"Already in {target}.");
            var gate = gates.Check(o, target);
            if (gate.Open) return Move(o, target, actor.User.Id, note);
            closed = gate;
            return null;
        });
        return closed is null ? Gated<Opportunity>.Done(moved) : Gated<Opportunity>.Waits(closed);
    }

    /// <summary>Moves to a stage through its gates; a closed gate throws <see cref="GateClosedException"/>.</summary>
    public Opportunity Advance(Actor actor, int id, Stage target, string? note = null) => TryAdvance(actor, id, target, note).OrThrow();

    public Opportunity Lose(Actor actor, int id, string reason)
    {
        reason = reason.Trim();
        if (reason.Length < 2) throw new CrmException($"丢单需要写明原因，例如：{words.Word(ActionKind.Lose)} 储能项目 价格没有竞争力。", "A reason is required.");
        return Change(actor, id, "opportunity.lost", o =>
        {
            if (!o.Stage.IsOpen()) throw new CrmException($"商机已{o.Stage.Chinese()}。", $"The opportunity is already {o.Stage}.");
            o.LostReason = reason;
            return Move(o, Stage.Lost, actor.User.Id, reason);
        });
    }

    /// <summary>Records the customer's test result; entering 测试 goes through its gate (a shipped sample).</summary>
    public Gated<Opportunity> TryRecordTest(Actor actor, int id, bool passed, string feedback)
    {
        if (feedback.Trim().Length == 0) throw new CrmException("请写一下客户的测试反馈。", "Please add the customer's feedback.");
        GateResult? closed = null;
        var tested = Change(actor, id, "opportunity.test", o =>
        {
            if (!o.Stage.IsOpen()) throw new CrmException($"商机已{o.Stage.Chinese()}。", $"The opportunity is already {o.Stage}.");
            if (Array.IndexOf(Stages.Pipeline, o.Stage) < Array.IndexOf(Stages.Pipeline, Stage.Testing))
            {
                var gate = gates.Check(o, Stage.Testing);
                if (!gate.Open) { closed = gate; return null; }
                Move(o, Stage.Testing, actor.User.Id, "测试开始");
            }
            o.Tests.Add(new TestResult { Passed = passed, Feedback = feedback.Trim(), At = Now, ById = actor.User.Id });
            return $"测试{(passed ? "通过" : "不通过")}：{CustomerService.Clip(feedback.Trim(), 60)}";
        });
        return closed is null ? Gated<Opportunity>.Done(tested) : Gated<Opportunity>.Waits(closed);
    }

    public Opportunity RecordTest(Actor actor, int id, bool passed, string feedback) => TryRecordTest(actor, id, passed, feedback).OrThrow();

    public Opportunity Register(Actor actor, int id, string manufacturer, string? buildLocation)
    {
        manufacturer = manufacturer.Trim();
        if (manufacturer.Length == 0) throw new CrmException("请写原厂名称。", "Which manufacturer?");
        return Change(actor, id, "opportunity.registration", o =>
        {
            var r = o.Registrations.FirstOrDefault(x => string.Equals(x.Manufacturer, manufacturer, StringComparison.OrdinalIgnoreCase));
            if (r is null) o.Registrations.Add(r = new Registration { Manufacturer = manufacturer });
            r.Status = RegistrationStatus.Submitted;
            r.SubmittedAt = Now;
            r.BuildLocation = string.IsNullOrWhiteSpace(buildLocation) ? r.BuildLocation : buildLocation.Trim();
            r.ExpiresAt = null;
            return $"向 {manufacturer} 报备{(r.BuildLocation is null ? "" : "，生产地 " + r.BuildLocation)}";
        });
    }

    public Opportunity UpdateRegistration(Actor actor, int id, string manufacturer, RegistrationStatus status, DateTime? expiresAt, string? note)
    {
        return Change(actor, id, "opportunity.registration", o =>
        {
            var r = o.Registrations.FirstOrDefault(x => string.Equals(x.Manufacturer, manufacturer.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new CrmException($"这个商机还没有向 {manufacturer} 报备。", $"No registration with {manufacturer} yet.");
            r.Status = status;
            r.ExpiresAt = expiresAt ?? r.ExpiresAt;
            r.Note = note;
            return $"{manufacturer} 报备{Registration.Chinese(status)}";
        });
    }

    /// <summary>Registrations that are rejected, expired, or expire within <paramref name="warningDays"/> days.</summary>
    public IEnumerable<(Registration Registration, string Flag)> Flags(Opportunity o, int warningDays)
    {
        var now = Now;
        foreach (var r in o.Registrations)
        {
            if (r.Status == RegistrationStatus.Rejected) yield return (r, "⚠️ 报备被驳回");
            else if (r.Status == RegistrationStatus.Expired || (r.ExpiresAt is DateTime e && e < now)) yield return (r, "⚠️ 报备已过期");
            else if (r.ExpiresAt is DateTime soon && soon < now.AddDays(warningDays)) yield return (r, $"⚠️ 报备将于 {Time.BusinessTime.Describe(soon, true)} 到期");
        }
    }

    internal void MarkWon(Actor actor, Opportunity o)
    {
        if (!o.Stage.IsOpen()) return;
        Move(o, Stage.Won, actor.User.Id, "批量订单");
        store.Save(o);
        audit.Record(actor, "opportunity.won", Key(o), $"赢单 {o.CustomerName} · {o.Name}");
    }

    internal void Save(Opportunity o) => store.Save(o);

    private string Move(Opportunity o, Stage to, int byId, string? note)
    {
        var from = o.Stage;
        o.History.Add(new StageChange { From = from, To = to, At = Now, ById = byId, Note = note });
        o.Stage = to;
        o.StageSince = Now;
        return $"{from.Chinese()} → {to.Chinese()}{(note is null ? "" : "：" + note)}";
    }

    /// <summary>Applies <paramref name="change"/> and records it; a change that returns no summary changed nothing.</summary>
    private Opportunity Change(Actor actor, int id, string action, Func<Opportunity, string?> change)
    {
        var o = Get(id);
        if (o is null || !SalesAccess.CanSee(actor.User, o)) throw SalesAccess.NotVisible();
        if (!SalesAccess.CanWork(actor.User, o)) throw SalesAccess.NotYours();
        if (change(o) is not { } summary) return o;
        store.Save(o);
        audit.Record(actor, action, Key(o), summary);
        return o;
    }

    internal static string Key(Opportunity o) => $"opportunity:{o.Id}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
