namespace Zhonghan.Core.People;

/// <summary>Users and departments (tens of them: read whole, cached by <see cref="UserDirectory"/>).</summary>
public interface IUserStore
{
    IReadOnlyList<User> AllUsers();
    IReadOnlyList<Department> AllDepartments();
    User? ByLocalName(string localName);
    void Add(User user);
    void Save(User user);
    void AddDepartment(Department department);
    void SaveDepartment(Department department);
    /// <summary>Changes whenever a user or department is added or changed by any instance sharing the store (cheap to read).</summary>
    string Stamp();
}
