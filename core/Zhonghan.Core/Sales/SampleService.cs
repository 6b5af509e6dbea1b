using Zhonghan.Core.Conversations;
using Zhonghan.Core.Parsing;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Reminders;

namespace Zhonghan.Core.Sales;

/// <summary>申样 → (approval if configured) → 寄样 with a tracking number → 签收. Each hand-over is a message.</summary>
public sealed class SampleService(
    ISalesStore store, OpportunityService opportunities, ApprovalRouting routing, ActionTokens tokens, SalesOptions options,
    UserDirectory users, DeliveryQueue deliveries, ICommandWords words, AuditLog audit, TimeProvider clock)
{
    public const string DecideKind = "sample.decide";

    public SampleRequest? Get(int id) => store.Sample(id);

    public IReadOnlyList<SampleRequest> ForOpportunity(int opportunityId) =>
        store.SamplesOf(opportunityId);

    /// <summary>申样: samples for an opportunity; entering 申样 goes through its gate (an approved quote).</summary>
    public Gated<SampleRequest> TryRequest(Actor actor, int opportunityId, string mpn, long quantity, string? address)
    {
        if (quantity is <= 0 or > 100_000) throw new CrmException("样品数量需要在 1 到 100000 之间。", "The sample quantity must be 1–100000.");
        if (PartPrice.Key(mpn).Length < 3) throw new CrmException($"型号“{mpn}”看起来不对。", $"'{mpn}' does not look like a part number.");
        var o = opportunities.GetVisible(actor.User, opportunityId);
        if (!SalesAccess.CanWork(actor.User, o)) throw SalesAccess.NotYours();
        if (o.Stage != Stage.Sample && Array.IndexOf(Stages.Pipeline, o.Stage) < Array.IndexOf(Stages.Pipeline, Stage.Sample))
        {
            var moved = opportunities.TryAdvance(actor, o.Id, Stage.Sample, "申样");
            if (moved.Closed is { } gate) return Gated<SampleRequest>.Waits(gate);
            o = moved.Value;
        }
        var s = new SampleRequest
        {
            OpportunityId = o.Id, CustomerId = o.CustomerId, Mpn = mpn.Trim(), Quantity = quantity, Address = address?.Trim(),
            RequestedById = actor.User.Id, RequestedAt = clock.GetUtcNow().UtcDateTime,
            Status = options.SampleApproval ? SampleStatus.PendingApproval : SampleStatus.Requested,
        };
        if (options.SampleApproval) s.Steps = routing.Steps(new ApprovalRule { Name = "申样审批", Approvers = [Role.Manager] }, o.DepartmentId);
        store.Add(s);
        audit.Record(actor, "sample.request", $"sample:{s.Id}", $"申样 {s.No} {s.Mpn} × {quantity}");
        if (s.Status == SampleStatus.PendingApproval) Ask(s, o);
        else TellShipper(s, o);
        return Gated<SampleRequest>.Done(s);
    }

    public SampleRequest Request(Actor actor, int opportunityId, string mpn, long quantity, string? address) =>
        TryRequest(actor, opportunityId, mpn, quantity, address).OrThrow();

    public SampleRequest Decide(Actor actor, int sampleId, bool approve, string? comment, string? cardGroup = null)
    {
        var s = Get(sampleId) ?? throw new CrmException("没有这张申样单。", "No such sample request.");
        if (s.Status != SampleStatus.PendingApproval) throw new CrmException($"申样单 {s.No} 已{SampleRequest.Chinese(s.Status)}。", $"{s.No} is already {s.Status}.");
        var step = s.Steps.First(x => x.Decision is null);
        if (!step.ApproverIds.Contains(actor.User.Id)) throw new AccessDeniedException("这张申样单不归你审批。", "Not yours to approve.");
        if (!approve && cardGroup is null && string.IsNullOrWhiteSpace(comment)) throw new CrmException("驳回需要写明意见。", "A rejection needs a comment.");
        step.Decision = approve;
        step.DecidedById = actor.User.Id;
        step.DecidedAt = clock.GetUtcNow().UtcDateTime;
        step.Comment = comment?.Trim();
        s.Status = approve ? SampleStatus.Requested : SampleStatus.Rejected;
        store.Save(s);
        audit.Record(actor, approve ? "sample.approve" : "sample.reject", $"sample:{s.Id}", $"{(approve ? "同意" : "驳回")} {s.No}（{(cardGroup is null ? "文字命令" : "卡片 " + cardGroup)}）{step.Comment}");
        var o = opportunities.Get(s.OpportunityId)!;
        if (approve) TellShipper(s, o);
        if (users.Get(s.RequestedById) is { } rep)
            deliveries.Notify(rep, Reply.Of(approve ? $"✅ 申样 {s.No}（{s.Mpn} × {s.Quantity}）已批准，等待寄出。" : $"❌ 申样 {s.No} 被 {actor.User.Name} 驳回：{step.Comment ?? "（未写意见）"}"), $"sample-outcome-{s.Id}");
        return s;
    }

    /// <summary>寄样: shipped with a tracking number; the rep is told.</summary>
    public SampleRequest Ship(Actor actor, int sampleId, string tracking)
    {
        tracking = tracking.Trim();
        if (tracking.Length is < 5 or > 40) throw new CrmException("快递单号看起来不对（5 到 40 个字符）。", "The tracking number does not look right.");
        var (s, o) = Load(actor, sampleId);
        if (!SalesAccess.CanHandle(actor.User, o)) throw SalesAccess.NotYours();
        if (s.Status != SampleStatus.Requested) throw new CrmException($"申样单 {s.No} {SampleRequest.Chinese(s.Status)}，不能寄出。", $"{s.No} is {s.Status}.");
        s.Status = SampleStatus.Shipped;
        s.Tracking = tracking;
        s.ShippedAt = clock.GetUtcNow().UtcDateTime;
        Save(actor, s, "sample.ship", $"寄样 {s.No} 快递 {tracking}");
        if (users.Get(s.RequestedById) is { } rep)
            deliveries.Notify(rep, Reply.WithCard($"📦 {o.CustomerName} 的样品已寄出：{s.Mpn} × {s.Quantity}，快递单号 {tracking}。",
                new Card { Title = $"样品已寄出 {s.No}", Actions = [CardAction.Run("客户已签收", new(ActionKind.ReceiveSample) { Document = new DocCode(CodeKind.Sample, s.Id) })] }), $"sample-shipped-{s.Id}");
        return s;
    }

    /// <summary>签收: the customer received the samples.</summary>
    public SampleRequest Receive(Actor actor, int sampleId)
    {
        var (s, o) = Load(actor, sampleId);
        if (!SalesAccess.CanHandle(actor.User, o)) throw SalesAccess.NotYours();
        if (s.Status != SampleStatus.Shipped) throw new CrmException($"申样单 {s.No} {SampleRequest.Chinese(s.Status)}，不能签收。", $"{s.No} is {s.Status}.");
        s.Status = SampleStatus.Received;
        s.ReceivedAt = clock.GetUtcNow().UtcDateTime;
        Save(actor, s, "sample.receive", $"签收 {s.No}");
        return s;
    }

    public IReadOnlyList<SampleRequest> PendingFor(User user) =>
        store.SamplesWithStatus(SampleStatus.PendingApproval, 10_000)
            .Where(s => s.Steps.FirstOrDefault(x => x.Decision is null)?.ApproverIds.Contains(user.Id) == true).ToList();

    /// <summary>Samples out with the customer (shipped, not yet received).</summary>
    public IReadOnlyList<SampleRequest> Out() => store.SamplesWithStatus(SampleStatus.Shipped, 10_000);

    private (SampleRequest, Opportunity) Load(Actor actor, int sampleId)
    {
        var s = Get(sampleId) ?? throw new CrmException("没有这张申样单。", "No such sample request.");
        var o = opportunities.Get(s.OpportunityId);
        if (o is null || !SalesAccess.CanSee(actor.User, o)) throw new CrmException("没有这张申样单。", "No such sample request.");
        return (s, o);
    }

    private void Save(Actor actor, SampleRequest s, string action, string summary)
    {
        store.Save(s);
        audit.Record(actor, action, $"sample:{s.Id}", summary);
    }

    /// <summary>The assistant of the opportunity ships samples; without one, purchasing.</summary>
    private void TellShipper(SampleRequest s, Opportunity o)
    {
        var shippers = o.AssistantId is int a && users.Get(a) is { } assistant ? [assistant] : users.WithRole(Role.Purchasing).ToList();
        var card = new Card
        {
            Title = $"请寄样 {s.No}：{o.CustomerName}",
            Fields = [new("型号", s.Mpn), new("数量", s.Quantity.ToString("#,0")), new("地址", s.Address ?? "（找销售确认）"), new("销售", users.Get(o.OwnerId)?.Name ?? "")],
            Lines = [$"寄出后回复：{words.Usage(new(ActionKind.ShipSample) { Document = new DocCode(CodeKind.Sample, s.Id) })}"],
        };
        foreach (var u in shippers)
            deliveries.Notify(u, Reply.WithCard($"{o.CustomerName} 需要样品 {s.Mpn} × {s.Quantity}，请安排寄出。", card), $"sample-ship-{s.Id}-{u.Id}");
    }

    private void Ask(SampleRequest s, Opportunity o)
    {
        var step = s.Steps[0];
        var data = (string d) => new Dictionary<string, string> { ["sample"] = s.Id.ToString(), ["decision"] = d };
        var issued = tokens.Issue([(DecideKind, data("approve")), (DecideKind, data("reject"))], step.ApproverIds, TimeSpan.FromDays(30));
        step.CardGroup = issued[0].Group;
        step.AskedAt = clock.GetUtcNow().UtcDateTime;
        store.Save(s);
        var card = new Card
        {
            Title = $"申样审批 {s.No}", Subtitle = $"{o.CustomerName} · {o.Name}",
            Fields = [new("型号", s.Mpn), new("数量", s.Quantity.ToString("#,0")), new("销售", users.Get(o.OwnerId)?.Name ?? "")],
            Actions = [CardAction.Token("同意", issued[0].Id, CardActionStyle.Primary), CardAction.Token("驳回", issued[1].Id, CardActionStyle.Danger)],
        };
        foreach (var id in step.ApproverIds)
            if (users.Get(id) is { } u)
                deliveries.Notify(u, Reply.WithCard($"请审批申样 {s.No}：{o.CustomerName} {s.Mpn} × {s.Quantity}", card), $"sample-ask-{s.Id}-{id}");
    }
}
