namespace Zhonghan.Core.Security;

/// <summary>Writes and reads the audit log. A line is written in the unit of work of the change it records.</summary>
public sealed class AuditLog(IAuditStore store, TimeProvider clock)
{
    public void Record(Actor actor, string action, string? entityKey, string summary) =>
        store.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor.User.Id == 0 ? null : actor.User.Id,
            Channel = actor.Channel,
            MessageId = actor.MessageId,
            Action = action,
            EntityKey = entityKey,
            Summary = summary,
        });

    /// <summary>The last <paramref name="limit"/> entries about an entity, oldest first.</summary>
    public IReadOnlyList<AuditEntry> For(string entityKey, int limit = 50) =>
        store.About(entityKey, limit).Reverse().ToList();
}
