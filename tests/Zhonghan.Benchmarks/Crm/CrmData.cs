using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Storage;
using Zhonghan.Storage.Schema;
using Zhonghan.Core.Time;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>
/// Generates a CRM of a given size straight into the store (bulk loads, not timed as the import): 7 departments,
/// 50 reps, N customers with a contact each, M follow-ups spread over them, next follow-ups around today,
/// and one customer with exactly 400 follow-ups (the timeline case).
/// </summary>
public static class CrmData
{
    private static readonly string[] Cities = ["深圳市", "上海", "苏州", "杭州", "南京", "无锡", "宁波", "广州", "东莞", "合肥", "武汉", "成都", "西安", "青岛", "厦门", "天津"];
    private static readonly string[] Words = ["汇", "川", "正", "泰", "科", "华", "电", "子", "德", "力", "新", "能", "源", "信", "达", "通", "联", "创", "芯", "微", "智", "控", "光", "伏", "星", "宇", "鑫", "恒", "瑞", "博"];
    private static readonly string[] Trades = ["电子", "科技", "电气", "半导体", "自动化", "新能源", "智能装备", "通信", "电源", "医疗电子"];
    private static readonly string[] Notes = ["拜访王工，了解新项目 BOM", "电话沟通样品测试进度", "微信发了选型表", "邮件发送报价参考", "邀约参加技术交流会", "加好友，介绍产品线"];

    public sealed record Result(List<User> Reps, List<int> CustomerIds, int TimelineCustomerId, Dictionary<int, List<Customer>> ByOwner);

    public static Result Generate(DocumentStore store, int customers, int followUps, TimeProvider clock, int seed = 42)
    {
        var rng = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BusinessTime.Today(clock);
        var depts = Enumerable.Range(1, 7).Select(i => new Department { Name = $"销售{i}部" }).ToList();
        var db = store.Engine;
        db.BulkInsert(CrmSets.Departments, depts);
        var reps = Enumerable.Range(1, 50).Select(i => new User
        {
            // All 50 reps in one department: the manager views (漏斗) are measured on a 50-rep department.
            LocalName = $"rep{i:D2}", Name = $"销售{i:D2}", Role = Role.Rep, DepartmentId = depts[0].Id, WeComUserId = $"rep{i:D2}",
        }).ToList();
        var managers = depts.Select((d, i) => new User { LocalName = $"mgr{i}", Name = $"主管{i}", Role = Role.Manager, DepartmentId = d.Id }).ToList();
        db.BulkInsert(CrmSets.Users, reps.Concat(managers).Append(new User { LocalName = "admin", Name = "管理员", Role = Role.Admin, DepartmentId = depts[0].Id }));

        var byOwner = new Dictionary<int, List<Customer>>();
        var names = new HashSet<string>();
        var batch = new List<Customer>(10_000);
        var ids = new List<int>(customers);
        for (var i = 0; i < customers; i++)
        {
            string company;
            do company = $"{Cities[rng.Next(Cities.Length)]}{Words[rng.Next(Words.Length)]}{Words[rng.Next(Words.Length)]}{Words[rng.Next(Words.Length)]}{Trades[rng.Next(Trades.Length)]}{i}有限公司";
            while (!names.Add(company));
            var owner = reps[rng.Next(reps.Count)];
            var inPool = rng.Next(10) == 0;
            var c = new Customer
            {
                Company = company, NameKey = CompanyName.Key(company), CoreKey = CompanyName.CoreKey(company),
                Importance = (Importance)rng.Next(3), Source = "展会", CreatedAt = now.AddDays(-rng.Next(400)),
                Contacts = [new Contact { Id = 1, Name = "联系人" + i, Role = ContactRole.HardwareRd, Phone = $"139{i:D8}" }],
            };
            if (inPool)
            {
                c.Status = CustomerStatus.PublicPool; c.PoolSince = now.AddDays(-rng.Next(60)); c.PoolReason = "暂无需求";
                c.DepartmentId = owner.DepartmentId;
            }
            else
            {
                c.Status = CustomerStatus.Active; c.OwnerId = owner.Id; c.DepartmentId = owner.DepartmentId;
                c.OwnedSince = c.CreatedAt; c.LastTouchAt = now.AddDays(-rng.Next(29)); c.LastFollowUpAt = c.LastTouchAt;
                if (rng.Next(4) > 0) { c.NextFollowUpAt = BusinessTime.DueUtc(today.AddDays(rng.Next(-20, 40))); c.NextFollowUpDateOnly = true; }
            }
            c.RefreshPhones();
            batch.Add(c);
            if (batch.Count == batch.Capacity) Flush();
        }
        Flush();

        void Flush()
        {
            db.BulkInsert(CrmSets.Customers, batch);
            foreach (var c in batch)
            {
                ids.Add(c.Id);
                if (c.OwnerId is int o) (byOwner.TryGetValue(o, out var l) ? l : byOwner[o] = new()).Add(c);
            }
            batch.Clear();
        }

        var timelineCustomer = byOwner[reps[0].Id][0].Id;
        var fbatch = new List<FollowUp>(20_000);
        for (var i = 0; i < followUps; i++)
        {
            var customerId = i < 400 ? timelineCustomer : ids[rng.Next(ids.Count)];
            var at = now.AddMinutes(-rng.Next(600 * 24 * 60));
            fbatch.Add(new FollowUp
            {
                CustomerId = customerId, Kind = (FollowUpKind)rng.Next(7), Note = Notes[rng.Next(Notes.Length)] + "，" + i,
                At = at, ById = reps[rng.Next(reps.Count)].Id,
            });
            if (fbatch.Count == fbatch.Capacity) { db.BulkInsert(CrmSets.FollowUps, fbatch); fbatch.Clear(); }
        }
        db.BulkInsert(CrmSets.FollowUps, fbatch);
        return new Result(reps, ids, timelineCustomer, byOwner);
    }
}
