using Zhonghan.Core.Customers;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;

namespace Zhonghan.Core.Import;

/// <summary>The lead fields an import column can map to.</summary>
public enum LeadField { Company, ContactName, ContactRole, ContactTitle, Phone, WeChat, Email, Industry, Region, Importance, Source, Owner }

public sealed class ImportOptions
{
    /// <summary>Owner for rows without an owner column value; null = such rows go to the public pool.</summary>
    public User? DefaultOwner { get; init; }
    public string? DefaultSource { get; init; }
    /// <summary>Any rejected row → nothing is imported.</summary>
    public bool Strict { get; init; }
    /// <summary>Check and report only; write nothing.</summary>
    public bool DryRun { get; init; }
}

public sealed record ImportIssue(int Row, string Company, string Reason);

public sealed class ImportReport
{
    public int Rows { get; set; }
    public int Created { get; set; }
    /// <summary>The accepted rows; the reason is who they went to (a rep's name or 公海).</summary>
    public List<ImportIssue> New { get; } = new();
    public List<ImportIssue> Duplicates { get; } = new();
    public List<ImportIssue> Rejected { get; } = new();
    /// <summary>Cells changed on the way in (a leading + - @ stripped), per row.</summary>
    public List<ImportIssue> Changed { get; } = new();
    /// <summary>Headers no field is known by (their columns were not imported).</summary>
    public List<string> UnknownColumns { get; } = new();
    public bool Committed { get; set; }
    public string? Aborted { get; set; }
}

/// <summary>
/// Bulk import of leads: every row is checked (company, phone, importance, owner, duplicates in the database and
/// earlier in the file), then all accepted rows are inserted in one transaction — a failure leaves nothing behind.
/// </summary>
public sealed class LeadImporter(ICustomerStore store, CustomerService customers, UserDirectory users, AuditLog audit, Pool.PoolRules rules, ImportOwners owners, TimeProvider clock)
{
    public ImportReport Import(Actor actor, IEnumerable<IReadOnlyDictionary<LeadField, string>> rows, ImportOptions options)
    {
        if (!(actor.User.SeesEverything || actor.User.Role == Role.Manager))
            throw new AccessDeniedException("只有主管或管理员可以批量导入。", "Only managers and admins may import.");
        if (options.DefaultOwner is { } defaultOwner) owners.EnsureCanTake(defaultOwner);
        var report = new ImportReport();
        var candidates = Validate(rows, options, report);
        var existing = ExistingMatches(candidates);
        var accepted = new List<Customer>();
        var seenNames = new Dictionary<string, int>();
        var seenPhones = new Dictionary<string, int>();
        var ownedCounts = new Dictionary<int, int>();
        foreach (var c in candidates)
        {
            if (seenNames.TryGetValue(c.Key, out var firstRow) || (c.Phone.Length > 0 && seenPhones.TryGetValue(c.Phone, out firstRow)))
            {
                report.Duplicates.Add(new ImportIssue(c.Row, c.Input.Company, $"与第 {firstRow} 行重复"));
                continue;
            }
            var (dup, on) = existing.Find(c);
            if (dup is not null)
            {
                var whose = dup.OwnerId is int o ? users.Get(o)?.Name ?? "?" : "公海";
                report.Duplicates.Add(new ImportIssue(c.Row, c.Input.Company, $"{(on == "phone" ? "电话" : "公司")}已存在：{dup.Company}（#{dup.Id}，{whose}）"));
                continue;
            }
            if (c.Owner is { Role: Role.Rep } owner && rules.MaxPrivatePerRep > 0)
            {
                var count = ownedCounts.TryGetValue(owner.Id, out var n) ? n : customers.CountOwned(owner.Id);
                if (count >= rules.MaxPrivatePerRep)
                {
                    report.Rejected.Add(new ImportIssue(c.Row, c.Input.Company, $"负责人 {owner.Name} 已达客户上限 {rules.MaxPrivatePerRep}"));
                    continue;
                }
                ownedCounts[owner.Id] = count + 1;
            }
            seenNames[c.Key] = c.Row;
            if (c.Core != c.Key) seenNames.TryAdd(c.Core, c.Row);
            if (c.Phone.Length > 0) seenPhones[c.Phone] = c.Row;
            accepted.Add(Build(c.Input, c.Owner));
            report.New.Add(new ImportIssue(c.Row, c.Input.Company, c.Owner?.Name ?? "公海"));
        }
        report.Rejected.Sort((a, b) => a.Row.CompareTo(b.Row));

        if (options.Strict && report.Rejected.Count > 0)
        {
            report.Aborted = $"有 {report.Rejected.Count} 行无法导入（严格模式），没有导入任何数据。";
            return report;
        }
        if (options.DryRun) { report.Created = accepted.Count; return report; }

        foreach (var customer in accepted) store.Add(customer);
        audit.Record(actor, "lead.import", null, $"批量导入 {accepted.Count} 条线索");
        report.Created = accepted.Count;
        report.Committed = true;
        return report;
    }

    private sealed record Candidate(int Row, LeadInput Input, User? Owner, string Key, string Core, string Phone);

    /// <summary>Checks every row; the good ones come back with their duplicate keys, the others go to the report.</summary>
    private List<Candidate> Validate(IEnumerable<IReadOnlyDictionary<LeadField, string>> rows, ImportOptions options, ImportReport report)
    {
        var list = new List<Candidate>();
        var rowNo = 1; // the header is row 1
        foreach (var row in rows)
        {
            rowNo++;
            if (row.Values.All(string.IsNullOrWhiteSpace)) continue;
            report.Rows++;
            var clean = RowSanitizer.Clean(row);
            LeadInput input = null!;
            User? owner = null;
            var problem = clean.Refusal ?? Check(clean.Cells, options, out input, out owner);
            if (problem is not null) { report.Rejected.Add(new ImportIssue(rowNo, Get(row, LeadField.Company) ?? "", problem)); continue; }
            report.Changed.AddRange(clean.Changes.Select(change => new ImportIssue(rowNo, input.Company, change)));
            var key = CompanyName.Key(input.Company);
            list.Add(new Candidate(rowNo, input, owner, key, CompanyName.StripRegion(key), PhoneNumber.Normalize(input.Phone)));
        }
        return list;
    }

    /// <summary>Customers already in the database that the rows duplicate, looked up 500 keys per query (index seeks).</summary>
    private Matches ExistingMatches(List<Candidate> candidates)
    {
        var m = new Matches();
        foreach (var chunk in candidates.Chunk(500))
        {
            var found = store.MatchingAny(
                chunk.Select(c => c.Key).ToHashSet(),
                chunk.Select(c => c.Core).Where(k => k.Length >= 2).ToHashSet(),
                chunk.Select(c => c.Phone).Where(p => p.Length > 0).ToHashSet());
            foreach (var c in found)
            {
                m.ByName.TryAdd(c.NameKey, c);
                if (c.CoreKey.Length >= 2) m.ByCore.TryAdd(c.CoreKey, c);
                foreach (var p in c.Phones) m.ByPhone.TryAdd(p, c);
            }
        }
        return m;
    }

    private sealed class Matches
    {
        public Dictionary<string, Customer> ByName { get; } = new();
        public Dictionary<string, Customer> ByCore { get; } = new();
        public Dictionary<string, Customer> ByPhone { get; } = new();

        /// <summary>The same rule as <see cref="CustomerService.FindDuplicate"/>: name, then name without region, then phone.</summary>
        public (Customer?, string?) Find(Candidate c) =>
            ByName.TryGetValue(c.Key, out var n) ? (n, "name")
            : c.Core.Length >= 2 && ByCore.TryGetValue(c.Core, out var k) ? (k, "name")
            : c.Phone.Length > 0 && ByPhone.TryGetValue(c.Phone, out var p) ? (p, "phone")
            : (null, null);
    }

    private Customer Build(LeadInput input, User? owner)
    {
        if (owner is not null) return customers.NewCustomer(input, owner);
        // No owner: straight into the public pool.
        var pseudo = new User { Id = 0, DepartmentId = 0 };
        var c = customers.NewCustomer(input, pseudo);
        c.OwnerId = null;
        c.Status = CustomerStatus.PublicPool;
        c.PoolSince = clock.GetUtcNow().UtcDateTime;
        c.PoolReason = "批量导入";
        c.OwnedSince = null;
        c.LastTouchAt = null;
        return c;
    }

    private string? Check(IReadOnlyDictionary<LeadField, string> row, ImportOptions options, out LeadInput input, out User? owner)
    {
        owner = options.DefaultOwner;
        input = new LeadInput
        {
            Company = Get(row, LeadField.Company) ?? "",
            ContactName = Get(row, LeadField.ContactName),
            ContactRole = ContactRoles.Parse(Get(row, LeadField.ContactRole)),
            ContactTitle = Get(row, LeadField.ContactTitle),
            Phone = Get(row, LeadField.Phone),
            WeChat = Get(row, LeadField.WeChat),
            Email = Get(row, LeadField.Email),
            Industry = Get(row, LeadField.Industry),
            Region = Get(row, LeadField.Region),
            Source = Get(row, LeadField.Source) ?? options.DefaultSource ?? "批量导入",
        };
        if (input.Company.Length == 0) return "缺少公司名称";
        if (input.Company.Length > 100) return "公司名称过长（最多100字）";
        if (CompanyName.Key(input.Company).Length < 2) return "公司名称无效";
        if (PhoneNumber.Problem(input.Phone) is { } phone) return $"电话号码无效：{phone}";
        if (input.Email is not null && !input.Email.Contains('@')) return $"邮箱无效：{input.Email}";
        if (Get(row, LeadField.Importance) is { } imp)
        {
            var i = imp.Trim().ToUpperInvariant().TrimEnd('类', '级');
            if (i is not ("A" or "B" or "C")) return $"重要程度只能是 A/B/C：{imp}";
            input.Importance = Enum.Parse<Importance>(i);
        }
        if (Get(row, LeadField.Owner) is { } ownerText)
        {
            (owner, var problem) = owners.Resolve(ownerText);
            if (problem is not null) return problem;
        }
        return null;
    }

    private static string? Get(IReadOnlyDictionary<LeadField, string> row, LeadField field) =>
        row.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}
