using Zhonghan.Core.Conversations;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.People;

/// <summary>
/// Users and departments. The company has tens of people, so a snapshot is kept in memory and rebuilt on change;
/// resolving a sender per message costs a dictionary lookup. The snapshot is rebuilt once a change is committed here,
/// and when another instance sharing the store changed them: at most every <see cref="CheckEvery"/> the store's
/// change stamp (a count and a sum of versions, one small query) is compared with the snapshot's.
/// </summary>
public sealed class UserDirectory
{
    private readonly IUserStore store;
    private readonly AuditLog audit;
    private readonly IUnitOfWorkFactory units;
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);
    private readonly TimeProvider clock;
    private volatile Snapshot current;
    private long checkedAt;

    public UserDirectory(IUserStore store, AuditLog audit, IUnitOfWorkFactory units, TimeProvider? clock = null)
    {
        (this.store, this.audit, this.units, this.clock) = (store, audit, units, clock ?? TimeProvider.System);
        current = Load();
        checkedAt = this.clock.GetTimestamp();
    }

    /// <summary>The snapshot, reloaded first when the store's stamp moved since the last look (another instance's change).</summary>
    private Snapshot Fresh
    {
        get
        {
            var last = Interlocked.Read(ref checkedAt);
            if (clock.GetElapsedTime(last) < CheckEvery || Interlocked.CompareExchange(ref checkedAt, clock.GetTimestamp(), last) != last) return current;
            if (store.Stamp() != current.Stamp) current = Load();
            return current;
        }
    }

    public IReadOnlyList<User> All => Fresh.Users;
    public IReadOnlyList<Department> Departments => Fresh.Departments;

    public User? Get(int id) => Fresh.ById.GetValueOrDefault(id);
    public Department? Department(int id) => Fresh.Departments.FirstOrDefault(d => d.Id == id);
    public Department? DepartmentByName(string name) =>
        Fresh.Departments.FirstOrDefault(d => d.Name == name.Trim())
        ?? Fresh.Departments.FirstOrDefault(d => d.Name.StartsWith(name.Trim(), StringComparison.Ordinal));

    public User? ByLocalName(string name) => Fresh.ByLocal.GetValueOrDefault(name.Trim().ToLowerInvariant());
    public User? ByWeCom(string userId) => Fresh.ByWeCom.GetValueOrDefault(userId);
    public User? ByTeams(string aadObjectId) => Fresh.ByTeams.GetValueOrDefault(aadObjectId.ToLowerInvariant());

    /// <summary>Maps a channel sender id to an active CRM user, or null for strangers.</summary>
    public User? ResolveSender(string channel, string senderId)
    {
        var user = channel switch
        {
            Channels.Local => ByLocalName(senderId),
            Channels.WeCom => ByWeCom(senderId),
            Channels.Teams => ByTeams(senderId),
            _ => null,
        };
        return user is { Active: true } ? user : null;
    }

    /// <summary>Finds a user by display name, local name or a channel id (for 转给 / 添加用户 commands).</summary>
    public User? Find(string text)
    {
        var t = text.Trim().TrimStart('@');
        return ByLocalName(t) ?? ByWeCom(t) ?? Fresh.Users.FirstOrDefault(u => u.Name == t);
    }

    public IEnumerable<User> InDepartment(int departmentId, Role? role = null) =>
        Fresh.Users.Where(u => u.Active && u.DepartmentId == departmentId && (role is null || u.Role == role));

    public IEnumerable<User> WithRole(Role role) => Fresh.Users.Where(u => u.Active && u.Role == role);

    /// <summary>The department's managers (主管); falls back to the general manager / admins when it has none.</summary>
    public IReadOnlyList<User> ManagersOf(int departmentId)
    {
        var managers = InDepartment(departmentId, Role.Manager).ToList();
        return managers.Count > 0 ? managers : WithRole(Role.GeneralManager).Concat(WithRole(Role.Admin)).ToList();
    }

    public Department AddDepartment(string name)
    {
        var existing = DepartmentByName(name);
        if (existing is not null && existing.Name == name.Trim()) return existing;
        var d = new Department { Name = name.Trim() };
        store.AddDepartment(d);
        units.OnCommitted(Reload);
        return d;
    }

    /// <summary>Adds or updates a user (matched by local name). Audited.</summary>
    public User Save(Actor actor, User user)
    {
        if (string.IsNullOrWhiteSpace(user.LocalName)) throw new CrmException("用户标识不能为空。", "The user id is required.");
        user.LocalName = user.LocalName.Trim().ToLowerInvariant();
        var existing = store.ByLocalName(user.LocalName);
        if (existing is not null) { user.Id = existing.Id; store.Save(user); }
        else store.Add(user);
        audit.Record(actor, existing is null ? "user.add" : "user.update", $"user:{user.Id}",
            $"{user.Name} {user.Role.Chinese()} {Department(user.DepartmentId)?.Name}");
        units.OnCommitted(Reload);
        return user;
    }

    public void Reload() => current = Load();

    private Snapshot Load()
    {
        var stamp = store.Stamp(); // read first: a change landing during the load is seen at the next look
        var users = store.AllUsers().ToList();
        return new Snapshot(
            stamp,
            users,
            store.AllDepartments().ToList(),
            users.ToDictionary(u => u.Id),
            users.ToDictionary(u => u.LocalName.ToLowerInvariant()),
            users.Where(u => !string.IsNullOrEmpty(u.WeComUserId)).GroupBy(u => u.WeComUserId!).ToDictionary(g => g.Key, g => g.First()),
            users.Where(u => !string.IsNullOrEmpty(u.TeamsAadObjectId)).GroupBy(u => u.TeamsAadObjectId!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First()));
    }

    private sealed record Snapshot(
        string Stamp,
        List<User> Users,
        List<Department> Departments,
        Dictionary<int, User> ById,
        Dictionary<string, User> ByLocal,
        Dictionary<string, User> ByWeCom,
        Dictionary<string, User> ByTeams);
}
