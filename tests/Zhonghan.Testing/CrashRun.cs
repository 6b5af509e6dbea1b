using System.Collections.Concurrent;
using System.Diagnostics;

namespace Zhonghan.Testing;

/// <summary>
/// The crash test of issue 12: clients send WeCom 跟进 callbacks to the bot as its own process, the process is killed
/// (SIGKILL) in the middle of the load, restarted on the same data, and every callback not answered is sent again
/// with the same MsgId, as WeCom retries — for several rounds. Afterwards every message must have exactly one
/// follow-up in the store and an answer.
/// </summary>
public sealed class CrashRun(string dataDir, int clients, int rounds, int answeredBeforeKill)
{
    public sealed record Result(int Messages, int Kills, int Resent, int InFlightAtKills, IReadOnlyDictionary<string, int> EffectsByMessage,
        IReadOnlyDictionary<string, string> Answers, TimeSpan Elapsed);

    private sealed record Message(string Id, int Client, string Marker, int CustomerId)
    {
        /// <summary>Two clients per member among the demo users who may write to 华东's customers: turns of one member run in order, members side by side.</summary>
        public string Sender => Senders[Client % Senders.Length];
    }

    private static readonly string[] Senders = ["zhangsan", "lisi", "admin"];

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        await using var wecom = await FakeWeCom.StartAsync();
        var watch = Stopwatch.StartNew();
        var answers = new ConcurrentDictionary<string, string>();
        // Acknowledged = an HTTP 200 came back (WeCom sends a message again only when it got no answer at all).
        var acked = new ConcurrentDictionary<string, bool>();
        var sent = new ConcurrentDictionary<string, Message>();
        var next = new int[clients];
        int kills = 0, resent = 0, inFlightAtKills = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var port = BotProcess.FreePort();
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            await using var bot = BotProcess.Start(Args(port, wecom.BaseUrl));
            if (!await bot.WaitUntilServingAsync(baseAddress, TimeSpan.FromSeconds(120)))
                throw new InvalidOperationException("The bot did not start: " + bot.StandardOutputSoFar);
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var client = new WeComClient(http);
            // Retries first: everything sent and not acknowledged goes again with its MsgId, as WeCom does.
            var unanswered = sent.Values.Where(m => !acked.ContainsKey(m.Id)).ToList();
            resent += unanswered.Count;
            await Task.WhenAll(unanswered.Select(m => Try(client, m, answers, acked, ct)));
            if (round == rounds)
            {
                // The last start answers what is left and stops cleanly, then starts once more to run what its stop
                // left in the inbox (acknowledged, not yet done).
                await bot.StopAsync(TimeSpan.FromSeconds(30));
                await using var again = BotProcess.Start(Args(port, wecom.BaseUrl));
                if (!await again.WaitUntilServingAsync(baseAddress, TimeSpan.FromSeconds(120))) throw new InvalidOperationException("The bot did not restart.");
                await again.StopAsync(TimeSpan.FromSeconds(30));
                break;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var answeredAtStart = acked.Count;
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var load = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref next[c]);
                    var m = new Message($"{9_000_000_000_000_000_000 + c * 1_000_000L + n}", c, $"crash-{c}-{n}", c + 1);
                    sent[m.Id] = m;
                    // A client whose request died with the process stops until the restart (as WeCom's sender would).
                    if (!await Try(client, m, answers, acked, CancellationToken.None)) break;
                    if (acked.Count - answeredAtStart >= answeredBeforeKill) enough.TrySetResult();
                }
            })).ToList();
            // The kill comes while the clients are in the middle of their requests, on purpose.
            await enough.Task.WaitAsync(ct);
            await bot.KillAsync();
            kills++;
            await stop.CancelAsync();
            await Task.WhenAll(load);
            // In flight: sent in this round and not answered when the process died (some of them committed, some not).
            inFlightAtKills += sent.Values.Count(m => !acked.ContainsKey(m.Id) && !unanswered.Contains(m));
        }
        using var store = StoreQueries.OpenFolder(dataDir);
        // Slow turns were acknowledged with an empty 200 and answered through message/send (at WeCom's pace): their
        // answers are in the delivery queue, committed with the turn, sent or still waiting.
        var queued = store.All(Zhonghan.Storage.Schema.ConversationSets.Deliveries).Where(d => d.Kind == "reply")
            .ToDictionary(d => d.Id[(d.Id.LastIndexOf(':') + 1)..], d => string.Join("\n", d.Replies.Select(r => r.Text)));
        foreach (var m in sent.Values.Where(m => !answers.ContainsKey(m.Id)))
            if (queued.TryGetValue(m.Id, out var text)) answers[m.Id] = text;
        var effects = store.AllFollowUps().Select(f => f.Note).Where(n => n.StartsWith("crash-", StringComparison.Ordinal))
            .GroupBy(n => n.Split(' ')[0]).ToDictionary(g => g.Key, g => g.Count());
        var byMessage = sent.Values.ToDictionary(m => m.Id, m => effects.GetValueOrDefault(m.Marker));
        return new Result(sent.Count, kills, resent, inFlightAtKills, byMessage, answers, watch.Elapsed);
    }

    private IEnumerable<string> Args(int port, string wecomApi) =>
        new[] { "--urls", $"http://127.0.0.1:{port}", "--data", dataDir, "--Reminders:Scheduler=false",
                "--WeCom:MemberMessagesPerMinute=30", "--WeCom:MemberMessagesPerHour=1000", "--WeCom:MaxBacklogPerMember=100000" }
            .Concat(WeComClient.Settings(wecomApi));

    private static async Task<bool> Try(WeComClient client, Message m, ConcurrentDictionary<string, string> answers, ConcurrentDictionary<string, bool> acked,
        CancellationToken ct)
    {
        try
        {
            var reply = await client.SendTextAsync(m.Sender, $"跟进 #{m.CustomerId} {m.Marker} 电话沟通", m.Id, ct);
            acked[m.Id] = true;
            if (reply is not null) answers[m.Id] = reply;
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // The process died under this request: it stays unanswered and is sent again after the restart.
            return false;
        }
    }
}
