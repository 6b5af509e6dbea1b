using Zhonghan.Bot.Commands;
using Zhonghan.Bot.LocalChat;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.People;

namespace Zhonghan.Bot.Cli;

/// <summary><c>chat --user NAME</c>: the local channel in a terminal. "/2" presses button 2 of the last card.</summary>
public static class TerminalChat
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var user = CliCommands.Option(args, "--user");
        if (string.IsNullOrWhiteSpace(user))
        {
            Console.Error.WriteLine("用法：chat --user zhangsan   （演示用户：zhangsan lisi wangwu zhaoliu sunqi admin；其他名字以客户身份对话）");
            return 2;
        }
        var pipeline = services.GetRequiredService<IBot>();
        var outbox = services.GetRequiredService<LocalOutbox>();
        Console.WriteLine($"众韩助手 · 终端聊天 · 用户 {user}。输入“帮助”查看命令，/数字 按卡片按钮，/quit 退出。");
        if (services.GetRequiredService<UserDirectory>().ResolveSender(Channels.Local, user) is null)
            Console.WriteLine(ChatGreeting.CustomerNotice(user));
        List<CardAction> buttons = [];
        while (!ct.IsCancellationRequested)
        {
            Console.Write("> ");
            var line = Console.ReadLine();
            if (line is null || line.Trim() is "/quit" or "/exit") break;
            if (line.Trim().Length == 0) continue;
            Turn turn;
            var address = ConversationAddress.For(Channels.Local, user);
            if (line.StartsWith('/') && int.TryParse(line[1..], out var n))
            {
                if (n < 1 || n > buttons.Count) { Console.WriteLine($"没有第 {n} 个按钮。"); continue; }
                var b = buttons[n - 1];
                turn = new Turn
                {
                    Channel = Channels.Local, MessageId = Guid.NewGuid().ToString("N"), SenderId = user, Address = address,
                    Kind = TurnKind.CardAction, Action = new CardActionInput { ActionId = b.Id, Payload = b.Payload },
                };
            }
            else
            {
                turn = new Turn { Channel = Channels.Local, MessageId = Guid.NewGuid().ToString("N"), SenderId = user, Address = address, Text = line };
            }
            var result = await pipeline.OnTurnAsync(turn, ct);
            buttons = Print(result.Replies, []) is { Count: > 0 } newButtons ? newButtons : buttons;
            var waiting = outbox.Take(user);
            if (waiting.Count > 0)
            {
                // Pushed messages number their buttons after the reply's, so /1 still means the reply's first button.
                Console.WriteLine("—— 新消息 ——");
                buttons = Print(waiting.Select(w => w.Reply).ToList(), buttons);
            }
        }
        return 0;
    }

    private static List<CardAction> Print(IReadOnlyList<Reply> replies, IReadOnlyList<CardAction> before)
    {
        var buttons = before.ToList();
        foreach (var r in replies)
        {
            if (r.Card is null) { Console.WriteLine(r.Text); continue; }
            var cardText = CustomerCards.ToText(r.Card);
            if (!r.Text.Contains(r.Card.Title, StringComparison.Ordinal)) Console.WriteLine(r.Text);
            Console.WriteLine(cardText);
            foreach (var a in r.Card.Actions)
            {
                buttons.Add(a);
                Console.WriteLine($"  [/{buttons.Count}] {a.Title}");
            }
        }
        return buttons;
    }
}
