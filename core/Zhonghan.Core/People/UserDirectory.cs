using Zhonghan.Core.Conversations;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;

namespace Zhonghan.Core.People;

/// <summary>
/// Users and departments. The company has tens of people, so a snapshot is kept in memory and rebuilt on change;
/// resolving a sender per message costs a dictionary lookup. The snapshot is rebuilt once a change is committed.
/// </summary>
public sealed class UserDirectory
{
    private readonly IUserStore store;
    private readonly AuditLog audit;
    private readonly IUnitOfWorkFactory units;
    private volatile Snapshot snapshot;

    public UserDirectory(IUserStore store, AuditLog audit, IUnitOfWorkFactory units)
    {
        (this.store, this.audit, this.units) = (store, audit, units);
        snapshot = Load();
    }

    public IReadOnlyList<User> All => snapshot.Users;
    public IReadOnlyList<Department> Departments => snapshot.Departments;

    public User? Get(int id) => snapshot.ById.GetValueOrDefault(id);
    public Department? Department(int id) => snapshot.Departments.FirstOrDefault(d => d.Id == id);
    public Department? DepartmentByName(string name) =>
        snapshot.Departments.FirstOrDefault(d => d.Name == name.Trim())
        ?? snapshot.Departments.FirstOrDefault(d => d.Name.StartsWith(name.Trim(), StringComparison.Ordinal));

    public User? ByLocalName(string name) => snapshot.ByLocal.GetValueOrDefault(name.Trim().ToLowerInvariant());
    public User? ByWeCom(string userId) => snapshot.ByWeCom.GetValueOrDefault(userId);
    public User? ByTeams(string aadObjectId) => snapshot.ByTeams.GetValueOrDefault(aadObjectId.ToLowerInvariant());

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
        return ByLocalName(t) ?? ByWeCom(t) ?? snapshot.Users.FirstOrDefault(u => u.Name == t);
    }

    public IEnumerable<User> InDepartment(int departmentId, Role? role = null) =>
        snapshot.Users.Where(u => u.Active && u.DepartmentId == departmentId && (role is null || u.Role == role));

    public IEnumerable<User> WithRole(Role role) => snapshot.Users.Where(u => u.Active && u.Role == role);

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

    public void Reload() => snapshot = Load();

    private Snapshot Load()
    {
        var users = store.AllUsers().ToList();
        return new Snapshot(
            users,
            store.AllDepartments().ToList(),
            users.ToDictionary(u => u.Id),
            users.ToDictionary(u => u.LocalName.ToLowerInvariant()),
            users.Where(u => !string.IsNullOrEmpty(u.WeComUserId)).GroupBy(u => u.WeComUserId!).ToDictionary(g => g.Key, g => g.First()),
            users.Where(u => !string.IsNullOrEmpty(u.TeamsAadObjectId)).GroupBy(u => u.TeamsAadObjectId!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First()));
    }

    private sealed record Snapshot(
        List<User> Users,
        List<Department> Departments,
        Dictionary<int, User> ById,
        Dictionary<string, User> ByLocal,
        Dictionary<string, User> ByWeCom,
        Dictionary<string, User> ByTeams);
}
