using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Adapters.WeCom.Kf;

/// <summary>
/// 微信客服 (customer service): a kf_msg_or_event callback carries no content, only a token; the messages wait at
/// kf/sync_msg. One sync per account runs at a time; a notice that arrives meanwhile makes it run once more.
/// The cursor is saved after each page is handled, so a crash re-reads at most one page (de-duplicated by msgid).
/// </summary>
public sealed class WeComKf(WeComClient client, KfStore store, ILogger<WeComKf> log)
{
    public const int StateUntouched = 0, StateBot = 1, StateQueued = 2, StateHuman = 3, StateEnded = 4;
    private readonly ConcurrentDictionary<string, SyncGate> gates = new();

    /// <summary>Fetches every waiting message of the account and hands each to <paramref name="handle"/>, in order.</summary>
    public async Task SyncAsync(KfNotice notice, Func<KfMessage, CancellationToken, Task> handle, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(notice.OpenKfId, _ => new SyncGate());
        gate.LatestToken = notice.Token ?? gate.LatestToken;
        if (Interlocked.Exchange(ref gate.Pending, 1) == 1 && gate.Lock.CurrentCount == 0) return; // the running sync will loop again
        await gate.Lock.WaitAsync(ct);
        try
        {
            while (Interlocked.Exchange(ref gate.Pending, 0) == 1)
                await SyncOnceAsync(notice.OpenKfId, gate.LatestToken, handle, ct);
        }
        finally { gate.Lock.Release(); }
    }

    private async Task SyncOnceAsync(string openKfId, string? token, Func<KfMessage, CancellationToken, Task> handle, CancellationToken ct)
    {
        int pages = 0, count = 0;
        while (true)
        {
            var cursor = store.Cursor(openKfId);
            var request = new KfSyncRequest { Cursor = cursor, Token = token, Limit = 1000, OpenKfid = openKfId };
            var page = await client.CallKfAsync("kf/sync_msg", (t, c) => client.Api.KfSyncAsync(t, request, c), ct);
            foreach (var message in page.MsgList)
            {
                await handle(message, ct);
                count++;
            }
            if (!string.IsNullOrEmpty(page.NextCursor)) store.SaveCursor(openKfId, page.NextCursor);
            pages++;
            if (page.HasMore != 1 || string.IsNullOrEmpty(page.NextCursor) || page.NextCursor == cursor) break;
        }
        log.LogInformation("WeCom kf: synced {Count} item(s) in {Pages} page(s) for {OpenKfId}", count, pages, openKfId);
    }

    public async Task<int> StateAsync(string openKfId, string externalUserId, CancellationToken ct) =>
        (await client.CallKfAsync("kf/service_state/get",
            (t, c) => client.Api.KfStateAsync(t, new KfStateRequest { OpenKfid = openKfId, ExternalUserid = externalUserId }, c), ct)).ServiceState;

    /// <summary>Moves the session: to the bot (1), the queue (2) or a person (3, with <paramref name="servicer"/>).</summary>
    public Task<KfStateResult> TransAsync(string openKfId, string externalUserId, int state, string? servicer, CancellationToken ct) =>
        client.CallKfAsync("kf/service_state/trans", (t, c) => client.Api.KfTransAsync(t, new KfStateRequest
        {
            OpenKfid = openKfId, ExternalUserid = externalUserId, ServiceState = state, ServicerUserid = servicer,
        }, c), ct);

    /// <summary>The customer's WeChat nickname, or null when WeCom does not tell (never fatal: it is only a label).</summary>
    public async Task<string?> NicknameAsync(string externalUserId, CancellationToken ct)
    {
        try
        {
            var request = new KfCustomerRequest { ExternalUseridList = [externalUserId] };
            var result = await client.CallKfAsync("kf/customer/batchget", (t, c) => client.Api.KfCustomersAsync(t, request, c), ct);
            return result.CustomerList.FirstOrDefault(x => x.ExternalUserid == externalUserId)?.Nickname;
        }
        catch (WeComApiException) { return null; } // already logged with its meaning by the client
    }

    /// <summary>Sends text to the customer, split to WeCom's size; each piece has a stable id and is sent once.</summary>
    public async Task SendTextAsync(string openKfId, string externalUserId, string replyKey, string text, CancellationToken ct)
    {
        var pieces = CardText.Split(text);
        for (var i = 0; i < pieces.Count; i++)
        {
            var id = StableId($"{replyKey}#{i}");
            if (store.WasSent(id)) continue;
            var request = new KfSendRequest { Touser = externalUserId, OpenKfid = openKfId, Msgid = id, Text = new TextBody(pieces[i]) };
            await client.CallKfAsync("kf/send_msg", (t, c) => client.Api.KfSendAsync(t, request, c), ct);
            store.MarkSent(id);
        }
    }

    /// <summary>The welcome (or hand-over note) answering an event's one-shot code.</summary>
    public async Task SendOnEventAsync(string code, string replyKey, string text, CancellationToken ct)
    {
        var id = StableId(replyKey);
        if (store.WasSent(id)) return;
        var request = new KfSendOnEventRequest { Code = code, Msgid = id, Text = new TextBody(CardText.Split(text).FirstOrDefault() ?? "") };
        await client.CallKfAsync("kf/send_msg_on_event", (t, c) => client.Api.KfSendOnEventAsync(t, request, c), ct);
        store.MarkSent(id);
    }

    /// <summary>WeCom's msgid: at most 32 characters of [0-9a-zA-Z_-].</summary>
    public static string StableId(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private sealed class SyncGate
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Pending;
        public string? LatestToken;
    }
}
