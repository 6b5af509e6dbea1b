using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Hosting;

/// <summary>
/// Demo data for a first start on an empty data folder: two sales departments, six users (ids are their local names
/// and WeCom userids; Teams AAD ids are fixed), about 30 customers with contacts and follow-ups around today.
/// </summary>
public sealed class DemoData(IUserStore userStore, ICustomerStore customers, IUnitOfWorkFactory units, UserDirectory users, TimeProvider clock, ILogger<DemoData> log)
{
    /// <summary>Fixed Teams AAD object ids of the demo users: 00000000-0000-4000-8000-00000000000N.</summary>
    public static string TeamsId(int n) => $"00000000-0000-4000-8000-{n:D12}";

    private static readonly (string Local, string Name, Role Role, string Dept)[] People =
    [
        ("zhangsan", "张三", Role.Rep, "华东销售部"),
        ("lisi", "李四", Role.Manager, "华东销售部"),
        ("wangwu", "王五", Role.InquiryAssistant, "华东销售部"),
        ("zhaoliu", "赵六", Role.Purchasing, "华东销售部"),
        ("sunqi", "孙七", Role.Rep, "华南销售部"),
        ("admin", "管理员", Role.Admin, "华东销售部"),
    ];

    // company, industry, region, importance, contact, contact role, owner (null = pool), days since last follow-up, next due in days (null = none)
    private static readonly (string Company, string Industry, string Region, Importance Imp, string Contact, ContactRole Role, string? Owner, int? Last, int? Next)[] Customers =
    [
        ("深圳市汇川技术股份有限公司", "工业自动化", "深圳", Importance.A, "王工", ContactRole.HardwareRd, "zhangsan", 3, 0),
        ("浙江正泰电器股份有限公司", "电力设备", "温州", Importance.A, "陈经理", ContactRole.Purchasing, "zhangsan", 6, -2),
        ("正泰新能源开发有限公司", "新能源", "杭州", Importance.B, "林工", ContactRole.HardwareRd, "zhangsan", 10, 2),
        ("上海电气自动化设计研究所有限公司", "智能电网", "上海", Importance.B, "周工", ContactRole.HardwareRd, "zhangsan", 2, 5),
        ("南京南瑞继保电气有限公司", "智能电网", "南京", Importance.A, "吴工", ContactRole.HardwareRd, "zhangsan", 1, 7),
        ("苏州绿控传动科技股份有限公司", "新能源汽车", "苏州", Importance.B, "郑经理", ContactRole.SupplyChain, "zhangsan", 12, 1),
        ("杭州海康威视数字技术股份有限公司", "安防", "杭州", Importance.A, "冯工", ContactRole.HardwareRd, "zhangsan", 4, 3),
        ("宁波三星医疗电气股份有限公司", "医疗电子", "宁波", Importance.B, "蒋经理", ContactRole.Purchasing, "zhangsan", 8, -1),
        ("无锡先导智能装备股份有限公司", "锂电设备", "无锡", Importance.B, "沈工", ContactRole.HardwareRd, "zhangsan", 15, 0),
        ("常州星宇车灯股份有限公司", "汽车电子", "常州", Importance.C, "韩工", ContactRole.HardwareRd, "zhangsan", 20, null),
        ("上海联影医疗科技股份有限公司", "医疗电子", "上海", Importance.A, "杨工", ContactRole.HardwareRd, "zhangsan", 5, 9),
        ("合肥阳光电源股份有限公司", "光伏逆变器", "合肥", Importance.A, "朱经理", ContactRole.SupplyChain, "zhangsan", 7, 4),
        ("江苏中天科技股份有限公司", "通信", "南通", Importance.B, "秦工", ContactRole.HardwareRd, "zhangsan", 26, -5),
        ("上海科华数据股份有限公司", "数据中心电源", "上海", Importance.C, "许经理", ContactRole.Purchasing, "zhangsan", null, null),
        ("杭州中恒电气股份有限公司", "电力电源", "杭州", Importance.C, "何工", ContactRole.HardwareRd, "lisi", 9, 6),
        ("深圳市英威腾电气股份有限公司", "变频器", "深圳", Importance.A, "吕工", ContactRole.HardwareRd, "sunqi", 2, 1),
        ("广州视源电子科技股份有限公司", "显示", "广州", Importance.B, "施经理", ContactRole.Purchasing, "sunqi", 6, 3),
        ("珠海格力电器股份有限公司", "家电", "珠海", Importance.A, "张工", ContactRole.HardwareRd, "sunqi", 11, -3),
        ("东莞市德尔能新能源股份有限公司", "储能", "东莞", Importance.C, "孔经理", ContactRole.SupplyChain, "sunqi", 18, null),
        ("深圳市科陆电子科技股份有限公司", "智能电表", "深圳", Importance.B, "曹工", ContactRole.HardwareRd, "sunqi", 3, 2),
        ("佛山市顺德区美的电热电器制造有限公司", "家电", "佛山", Importance.A, "严工", ContactRole.HardwareRd, "sunqi", 1, 8),
        ("中山大洋电机股份有限公司", "电机", "中山", Importance.B, "华经理", ContactRole.Purchasing, "sunqi", 14, 0),
        ("厦门科华恒盛股份有限公司", "UPS电源", "厦门", Importance.C, "金工", ContactRole.HardwareRd, null, null, null),
        ("青岛特锐德电气股份有限公司", "充电桩", "青岛", Importance.B, "魏经理", ContactRole.Purchasing, null, null, null),
        ("武汉华中数控股份有限公司", "数控", "武汉", Importance.C, "陶工", ContactRole.HardwareRd, null, null, null),
        ("西安西电电力系统有限公司", "输变电", "西安", Importance.B, "姜工", ContactRole.HardwareRd, null, null, null),
        ("成都长城开发科技有限公司", "通信", "成都", Importance.C, "戚经理", ContactRole.SupplyChain, null, null, null),
        ("株洲中车时代电气股份有限公司", "轨道交通", "株洲", Importance.A, "谢工", ContactRole.HardwareRd, null, null, null),
        ("天津七一二通信广播股份有限公司", "轨道通信", "天津", Importance.C, "邹工", ContactRole.HardwareRd, null, null, null),
        ("台达电子企业管理（上海）有限公司", "电源", "上海", Importance.A, "喻经理", ContactRole.Purchasing, "zhangsan", 30, -8),
    ];

    private static readonly string[] Notes =
    [
        "拜访王工，了解新项目 BOM，主控考虑 STM32F103，电源用 TPS54331",
        "电话沟通，客户下月有新平台立项，约好下周上门",
        "微信发了 CAN 收发器选型表，等工程师反馈",
        "加好友，先介绍我们代理的产品线",
        "邀约参加月底的技术交流会，对方答应来两位工程师",
        "邮件发送报价参考，客户关心交期和 MOQ",
    ];

    public bool IsEmpty => userStore.AllUsers().Count == 0;

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (!IsEmpty) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = BusinessTime.Today(clock);
        await units.RunAsync(() =>
        {
            var depts = People.Select(p => p.Dept).Distinct().Concat(["华南销售部"]).Distinct()
                .ToDictionary(n => n, n => { var d = new Department { Name = n }; userStore.AddDepartment(d); return d; });
            var n = 0;
            var byLocal = new Dictionary<string, User>();
            foreach (var p in People)
            {
                n++;
                var user = new User
                {
                    LocalName = p.Local, Name = p.Name, Role = p.Role, DepartmentId = depts[p.Dept].Id,
                    WeComUserId = p.Local, TeamsAadObjectId = TeamsId(n), OnDuty = p.Local is "zhangsan" or "sunqi",
                };
                userStore.Add(user);
                byLocal[user.LocalName] = user;
            }
            var i = 0;
            foreach (var row in Customers)
            {
                i++;
                var owner = row.Owner is null ? null : byLocal[row.Owner];
                var created = now.AddDays(-(row.Last ?? 5) - 20);
                var c = new Customer
                {
                    Company = row.Company, NameKey = CompanyName.Key(row.Company), CoreKey = CompanyName.CoreKey(row.Company),
                    Industry = row.Industry, Region = row.Region, Importance = row.Imp, Source = i % 3 == 0 ? "展会" : i % 3 == 1 ? "老客户介绍" : "官网咨询",
                    OwnerId = owner?.Id, DepartmentId = owner?.DepartmentId ?? depts[i % 2 == 0 ? "华南销售部" : "华东销售部"].Id,
                    Status = owner is null ? CustomerStatus.PublicPool : row.Last is null ? CustomerStatus.Lead : CustomerStatus.Active,
                    CreatedAt = created,
                    Contacts = [new Contact { Id = 1, Name = row.Contact, Role = row.Role, Phone = $"1380013{i:D4}" }],
                };
                if (owner is null)
                {
                    c.PoolSince = now.AddDays(-i % 7 - 1);
                    c.PoolReason = i % 2 == 0 ? "暂无需求" : "联系不上";
                    c.PreviousOwnerId = byLocal["zhangsan"].Id;
                }
                else
                {
                    c.OwnedSince = created;
                    c.LastTouchAt = row.Last is int l ? now.AddDays(-l) : created;
                    c.LastFollowUpAt = row.Last is int l2 ? now.AddDays(-l2) : null;
                    if (row.Next is int next) { c.NextFollowUpAt = BusinessTime.DueUtc(today.AddDays(next)); c.NextFollowUpDateOnly = true; }
                }
                c.RefreshPhones();
                customers.Add(c);
                if (owner is null || row.Last is not int last) continue;
                for (var k = 0; k < 3; k++)
                {
                    var at = now.AddDays(-last - k * 7).AddHours(-k);
                    var note = Notes[(i + k) % Notes.Length];
                    customers.AddFollowUp(new FollowUp
                    {
                        CustomerId = c.Id, ContactId = 1, Kind = FollowUpKinds.Guess(note), Note = note, At = at, ById = owner.Id,
                    });
                }
            }
        }, ct);
        users.Reload();
        log.LogInformation("Seeded demo data: {Users} users, {Customers} customers", People.Length, Customers.Length);
    }
}
