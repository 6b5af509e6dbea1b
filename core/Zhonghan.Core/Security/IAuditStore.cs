namespace Zhonghan.Core.Security;

/// <summary>The audit log: appended in the unit of work of the change it records.</summary>
public interface IAuditStore
{
    void Add(AuditEntry entry);

    /// <summary>The newest entries about one entity ("customer:12"), newest first.</summary>
    IReadOnlyList<AuditEntry> About(string entityKey, int limit);
}
