namespace Zhonghan.Core.Conversations;

/// <summary>
/// What a conversation needs across turns and restarts: the record of each message taken (its answer, for retries),
/// each user's open dialog, where each user was last seen, and the tokens behind card buttons.
/// </summary>
public interface IConversationStore
{
    ProcessedMessage? Processed(string id);
    /// <summary>Records a message as done; the commit fails (conflict) when another delivery of it committed first.</summary>
    void AddProcessed(ProcessedMessage message);
    int PurgeProcessed(DateTime beforeUtc);

    DialogState? Dialog(int userId);
    void SaveDialog(DialogState dialog);
    void DeleteDialog(int userId);

    IReadOnlyList<StoredAddress> AddressesOf(int userId);
    StoredAddress? Address(string id);
    void SaveAddress(StoredAddress address);

    ActionToken? Token(string id);
    /// <summary>The token as committed now (a press waiting for another press of its card must see that one's outcome).</summary>
    ActionToken? TokenAsCommitted(string id);
    IReadOnlyList<ActionToken> TokensOfGroup(string group);
    void AddToken(ActionToken token);
    void SaveToken(ActionToken token);
}

/// <summary>A message the bot has taken and answered: a retry of it gets the same answer, with no second effect.</summary>
public sealed class ProcessedMessage
{
    /// <summary>"{channel}:{messageId}" (long ids are hashed, see <see cref="MessageIds"/>).</summary>
    public string Id { get; set; } = "";
    public DateTime At { get; set; }
    public List<Reply> Replies { get; set; } = new();
}

