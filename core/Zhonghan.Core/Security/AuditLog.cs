using Zhonghan.Core.Storage;

namespace Zhonghan.Core.Security;

/// <summary>Writes and reads the audit log. Call it inside the change's transaction so both land together.</summary>
public sealed class AuditLog(CrmDb db, TimeProvider clock)
{
    public void Record(Actor actor, string action, string? entityKey, string summary) =>
        db.Audit.Insert(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor.User.Id == 0 ? null : actor.User.Id,
            Channel = actor.Channel,
            MessageId = actor.MessageId,
            Action = action,
            EntityKey = entityKey,
            Summary = summary,
        });

    public IReadOnlyList<AuditEntry> For(string entityKey, int limit = 50) =>
        db.Audit.Find(Q.Eq(nameof(AuditEntry.EntityKey), entityKey)).OrderByDescending(a => a.Id).Take(limit).OrderBy(a => a.Id).ToList();
}
