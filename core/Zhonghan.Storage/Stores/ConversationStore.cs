using System.Globalization;
using Zhonghan.Core.Conversations;
using Zhonghan.Storage.Documents;
using static Zhonghan.Storage.Documents.Keys;
using S = Zhonghan.Storage.Schema.ConversationSets;

namespace Zhonghan.Storage.Stores;

internal sealed class ConversationStore(Documents.Documents docs) : IConversationStore
{
    public ProcessedMessage? Processed(string id) => docs.Get(S.Processed, id);

    public void AddProcessed(ProcessedMessage message) => docs.Insert(S.Processed, message);

    public int PurgeProcessed(DateTime beforeUtc) => docs.DeleteRange(S.Processed, S.Processed["At"], new KeyRange("", Time(beforeUtc)));

    public DialogState? Dialog(int userId) => docs.Get(S.Dialogs, Id(userId));

    public void SaveDialog(DialogState dialog) => docs.Upsert(S.Dialogs, dialog);

    public void DeleteDialog(int userId) => docs.Delete(S.Dialogs, Id(userId));

    public IReadOnlyList<StoredAddress> AddressesOf(int userId) => docs.Where(S.Addresses, S.Addresses["User"], Int(userId));

    public StoredAddress? Address(string id) => docs.Get(S.Addresses, id);

    public void SaveAddress(StoredAddress address) => docs.Upsert(S.Addresses, address);

    public ActionToken? Token(string id) => docs.Get(S.Tokens, id);

    public ActionToken? TokenAsCommitted(string id) => docs.Fresh(S.Tokens, id);

    public IReadOnlyList<ActionToken> TokensOfGroup(string group) => docs.Where(S.Tokens, S.Tokens["Group"], group);

    public void AddToken(ActionToken token) => docs.Insert(S.Tokens, token);

    public void SaveToken(ActionToken token) => docs.Update(S.Tokens, token);

    private static string Id(int userId) => userId.ToString(CultureInfo.InvariantCulture);
}
