using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Reminders;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Sales;

/// <summary>
/// 询报价: the rep hands the inquiry to an inquiry assistant (told at once), who asks purchasing for prices
/// (told at once), purchasing prices parts (the assistant is told), the quote is assembled and routed for approval
/// (each approver gets a card), and the outcome reaches rep and assistant. Quotes are versioned.
/// </summary>
public sealed class QuoteService(
    ISalesStore store, ICounterStore counters, OpportunityService opportunities, UserDirectory users, DeliveryQueue deliveries, ICommandWords words,
    AuditLog audit, TimeProvider clock)
{
    public Quote? Get(int id) => store.Quote(id);

    public IReadOnlyList<Quote> ForOpportunity(int opportunityId) =>
        store.QuotesOf(opportunityId).OrderBy(q => q.Version).ToList();

    public Quote? Latest(int opportunityId) => ForOpportunity(opportunityId).LastOrDefault();

    /// <summary>询价: assigns the department's inquiry assistant (round-robin) and tells them the customer's need.</summary>
    public Gated<(Opportunity Opportunity, User Assistant)> TryRequestInquiry(Actor actor, int opportunityId)
    {
        var o = opportunities.GetVisible(actor.User, opportunityId);
        if (!SalesAccess.CanWork(actor.User, o)) throw SalesAccess.NotYours();
        if (o.Stage != Stage.Quote)
        {
            var moved = opportunities.TryAdvance(actor, o.Id, Stage.Quote, "转询价");
            if (moved.Closed is { } gate) return Gated<(Opportunity, User)>.Waits(gate);
            o = moved.Value;
        }
        var assistant = o.AssistantId is int a && users.Get(a) is { Active: true } current ? current : PickAssistant(o.DepartmentId);
        o.AssistantId = assistant.Id;
        opportunities.Save(o);
        audit.Record(actor, "quote.inquiry", OpportunityService.Key(o), $"询价交给 {assistant.Name}");
        var card = new Card
        {
            Title = $"新询价：{o.CustomerName}",
            Subtitle = $"项目 {o.Name} · 销售 {actor.User.Name}",
            Lines = o.Parts.Select(p => $"{p.Mpn} 年用量 {p.AnnualQuantity:#,0}" + (p.TargetPrice is decimal t ? $" 目标价 {QuoteCards.Money(t)}" : "") + (p.Special ? " ⚠️特殊" : "")).ToList(),
            Actions =
            [
                CardAction.Run("求价", new(ActionKind.AskPrices) { Opportunity = o.Id }), CardAction.Run("报价", new(ActionKind.Quote) { Opportunity = o.Id }),
                CardAction.Run("查看商机", new(ActionKind.OpenOpportunity) { Opportunity = o.Id }),
            ],
        };
        deliveries.Notify(assistant, Reply.WithCard($"{actor.User.Name} 把 {o.CustomerName}「{o.Name}」的询价交给你了，请了解采购情况并报价。", card),
            $"inquiry-{o.Id}-{assistant.Id}-{o.History.Count}");
        return Gated<(Opportunity, User)>.Done((o, assistant));
    }

    public (Opportunity Opportunity, User Assistant) RequestInquiry(Actor actor, int opportunityId) => TryRequestInquiry(actor, opportunityId).OrThrow();

    /// <summary>求价: asks purchasing to price the opportunity's parts; every buyer is told.</summary>
    public PriceRequest RequestPrices(Actor actor, int opportunityId)
    {
        var o = opportunities.GetVisible(actor.User, opportunityId);
        if (!SalesAccess.CanHandle(actor.User, o)) throw SalesAccess.NotYours();
        if (o.Parts.Count == 0) throw new CrmException($"这个商机还没有物料，请先：{words.Usage(new(ActionKind.AddPart))}。", "Add parts first.");
        var buyers = users.WithRole(Role.Purchasing).ToList();
        if (buyers.Count == 0) throw new CrmException("系统里还没有采购同事，请联系管理员开通。", "There is no purchasing user yet.");
        var request = new PriceRequest
        {
            OpportunityId = o.Id, MpnKeys = o.Parts.Select(p => PartPrice.Key(p.Mpn)).Distinct().ToList(),
            RequestedById = actor.User.Id, At = clock.GetUtcNow().UtcDateTime,
        };
        store.Add(request);
        audit.Record(actor, "quote.price-request", OpportunityService.Key(o), $"求价 {request.MpnKeys.Count} 个物料");
        var card = new Card
        {
            Title = $"求价：{o.CustomerName} · {o.Name}",
            Subtitle = $"询价助理 {actor.User.Name}",
            Lines = o.Parts.Select(p => $"{p.Mpn} 年用量 {p.AnnualQuantity:#,0}" + (Latest(p.Mpn) is { } lp ? $"（上次 {QuoteCards.Money(lp.UnitPrice)}）" : "")).ToList(),
        };
        card.Lines.Add($"回复：{words.Usage(new(ActionKind.Price), optional: true)}，例如：{words.Word(ActionKind.Price)} {o.Parts[0].Mpn} 8.5 6周 2500");
        foreach (var b in buyers)
            deliveries.Notify(b, Reply.WithCard($"{actor.User.Name} 请你为 {o.CustomerName} 的 {o.Parts.Count} 个物料报个价。", card), $"price-request-{request.Id}-{b.Id}");
        return request;
    }

    /// <summary>定价: purchasing prices a part; assistants waiting on it are told (and when all their parts are priced).</summary>
    public PartPrice SetPrice(Actor actor, string mpn, decimal unitPrice, string? leadTime, long? moq)
    {
        if (actor.User.Role is not (Role.Purchasing or Role.Admin))
            throw new AccessDeniedException("只有采购可以定价。", "Only purchasing sets prices.");
        if (unitPrice <= 0 || unitPrice > 10_000_000) throw new CrmException("单价需要大于 0。", "The unit price must be above 0.");
        if (moq is <= 0) throw new CrmException("MOQ 需要是正整数。", "The MOQ must be positive.");
        var key = PartPrice.Key(mpn);
        if (key.Length < 3) throw new CrmException($"型号“{mpn}”看起来不对。", $"'{mpn}' does not look like a part number.");
        var price = new PartPrice { Mpn = mpn.Trim(), MpnKey = key, UnitPrice = unitPrice, LeadTime = leadTime, Moq = moq, ById = actor.User.Id, At = clock.GetUtcNow().UtcDateTime };
        store.Add(price);
        audit.Record(actor, "quote.price", $"part:{key}", $"定价 {mpn} {QuoteCards.Money(unitPrice)}");
        var waiting = store.PriceRequestsFor(key).Where(r => r.Open).ToList();
        foreach (var r in waiting)
        {
            var o = opportunities.Get(r.OpportunityId);
            var requester = users.Get(r.RequestedById);
            if (o is null || requester is null) continue;
            var missing = r.MpnKeys.Where(k => k != key && Latest(k) is null).ToList();
            if (missing.Count == 0) { r.Open = false; store.Save(r); }
            var text = $"{actor.User.Name} 已定价：{price.Mpn} {QuoteCards.Money(unitPrice)}" + (leadTime is null ? "" : $"，交期 {leadTime}") + (moq is long m ? $"，MOQ {m:#,0}" : "") +
                (missing.Count == 0 ? $"\n{o.CustomerName}「{o.Name}」的物料都有价格了，可以报价：{words.Text(QuoteOf(o))}" : $"\n还差 {missing.Count} 个物料的价格。");
            var reply = missing.Count == 0
                ? Reply.WithCard(text, new Card { Title = $"可以报价：{o.CustomerName} · {o.Name}", Actions = [CardAction.Run("生成报价", QuoteOf(o), CardActionStyle.Primary)] })
                : Reply.Of(text);
            deliveries.Notify(requester, reply, $"priced-{price.Id}-{r.Id}");
        }
        return price;
    }

    public PartPrice? Latest(string mpnOrKey)
    {
        var key = PartPrice.Key(mpnOrKey);
        return store.PricesOf(key).OrderByDescending(p => p.At).ThenByDescending(p => p.Id).FirstOrDefault();
    }

    private User PickAssistant(int departmentId)
    {
        var pool = users.InDepartment(departmentId, Role.InquiryAssistant).ToList();
        if (pool.Count == 0) pool = users.WithRole(Role.InquiryAssistant).ToList();
        if (pool.Count == 0) throw new CrmException("还没有询价助理，请联系管理员开通。", "There is no inquiry assistant yet.");
        var counterId = $"assistant-rr|{departmentId}";
        var counter = counters.Get(counterId) ?? new Counter { Id = counterId };
        var pick = pool.OrderBy(u => u.Id).ElementAt((int)(counter.Value % pool.Count));
        counter.Value++;
        counter.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        counters.Save(counter);
        return pick;
    }

    private static CommandIntent QuoteOf(Opportunity o) => new(ActionKind.Quote) { Opportunity = o.Id };
}
