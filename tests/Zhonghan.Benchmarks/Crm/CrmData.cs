using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Time;
using Zhonghan.Storage.Documents;
using Zhonghan.Storage.Schema;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>
/// Generates a CRM of a given size straight into an engine (bulk loads, not timed as the import): 7 departments,
/// 50 reps in the first, N customers with a contact each (10 % in the pool), M follow-ups spread over them, next
/// follow-ups around today, and one customer with exactly 400 follow-ups (the timeline case).
/// </summary>
public static class CrmData
{
    private static readonly string[] Cities = ["深圳市", "上海", "苏州", "杭州", "南京", "无锡", "宁波", "广州", "东莞", "合肥", "武汉", "成都", "西安", "青岛", "厦门", "天津"];
    private static readonly string[] Words = ["汇", "川", "正", "泰", "科", "华", "电", "子", "德", "力", "新", "能", "源", "信", "达", "通", "联", "创", "芯", "微", "智", "控", "光", "伏", "星", "宇", "鑫", "恒", "瑞", "博"];
    private static readonly string[] Trades = ["电子", "科技", "电气", "半导体", "自动化", "新能源", "智能装备", "通信", "电源", "医疗电子"];
    private static readonly string[] Notes = ["拜访王工，了解新项目 BOM", "电话沟通样品测试进度", "微信发了选型表", "邮件发送报价参考", "邀约参加技术交流会", "加好友，介绍产品线"];
    private const int Batch = 20_000;

    /// <summary>An owned customer, as the sales data needs it.</summary>
    public readonly record struct Owned(int Id, int OwnerId, int DepartmentId, string Company);

    public sealed record Result(List<User> Reps, List<Owned> Owned, Dictionary<string, List<int>> SampleByRep, int TimelineCustomerId);

    public static Result Generate(IDocumentEngine db, int customers, int followUps, TimeProvider clock, int seed = 42)
    {
        var rng = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BusinessTime.Today(clock);
        var depts = Enumerable.Range(1, 7).Select(i => new Department { Name = $"销售{i}部" }).ToList();
        db.BulkInsert(CrmSets.Departments, depts);
        var reps = Enumerable.Range(1, 50).Select(i => new User
        {
            // All 50 reps in one department: the manager views (漏斗) are measured on a 50-rep department.
            LocalName = $"rep{i:D2}", Name = $"销售{i:D2}", Role = Role.Rep, DepartmentId = depts[0].Id, WeComUserId = $"rep{i:D2}",
        }).ToList();
        var managers = depts.Select((d, i) => new User { LocalName = $"mgr{i}", Name = $"主管{i}", Role = Role.Manager, DepartmentId = d.Id }).ToList();
        db.BulkInsert(CrmSets.Users, reps.Concat(managers).Append(new User { LocalName = "admin", Name = "管理员", Role = Role.Admin, DepartmentId = depts[0].Id }));

        var owned = new List<Owned>(customers);
        var samples = reps.ToDictionary(r => r.LocalName, _ => new List<int>());
        var repNames = reps.ToDictionary(r => r.Id, r => r.LocalName);
        var ids = new List<int>(customers);
        var batch = new List<Customer>(Batch);
        for (var i = 0; i < customers; i++)
        {
            // The index keeps names unique without remembering them.
            var company = $"{Cities[rng.Next(Cities.Length)]}{Words[rng.Next(Words.Length)]}{Words[rng.Next(Words.Length)]}{Words[rng.Next(Words.Length)]}{Trades[rng.Next(Trades.Length)]}{i}有限公司";
            var owner = reps[rng.Next(reps.Count)];
            var c = new Customer
            {
                Company = company, NameKey = CompanyName.Key(company), CoreKey = CompanyName.CoreKey(company),
                Importance = (Importance)rng.Next(3), Source = "展会", CreatedAt = now.AddDays(-rng.Next(1, 400)),
                Contacts = [new Contact { Id = 1, Name = "联系人" + i, Role = ContactRole.HardwareRd, Phone = $"139{i:D8}" }],
            };
            if (rng.Next(10) == 0)
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
            if (batch.Count == Batch) Flush();
        }
        Flush();

        void Flush()
        {
            db.BulkInsert(CrmSets.Customers, batch);
            foreach (var c in batch)
            {
                ids.Add(c.Id);
                if (c.OwnerId is not int o) continue;
                owned.Add(new Owned(c.Id, o, c.DepartmentId, c.Company));
                var sample = samples[repNames[o]];
                if (sample.Count < 200) sample.Add(c.Id);
            }
            batch.Clear();
        }

        var timelineCustomer = samples[reps[0].LocalName][0];
        var fbatch = new List<FollowUp>(Batch);
        for (var i = 0; i < followUps; i++)
        {
            var customerId = i < 400 ? timelineCustomer : ids[rng.Next(ids.Count)];
            fbatch.Add(new FollowUp
            {
                CustomerId = customerId, Kind = (FollowUpKind)rng.Next(7), Note = Notes[rng.Next(Notes.Length)] + "，" + i,
                At = now.AddMinutes(-rng.Next(1, 600 * 24 * 60)), ById = reps[rng.Next(reps.Count)].Id,
            });
            if (fbatch.Count == Batch) { db.BulkInsert(CrmSets.FollowUps, fbatch); fbatch.Clear(); }
        }
        db.BulkInsert(CrmSets.FollowUps, fbatch);
        return new Result(reps, owned, samples, timelineCustomer);
    }
}
