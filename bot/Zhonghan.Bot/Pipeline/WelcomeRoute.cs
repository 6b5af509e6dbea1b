using Zhonghan.Bot.Commands;
using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>Opening the bot gets a welcome and the help; images, voice and files get a polite note.</summary>
public sealed class WelcomeRoute(HelpText help) : IRoute
{
    public int Order => RouteOrder.Welcome;

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(TurnContext ctx, CancellationToken ct) => Task.FromResult(Answer(ctx));

    private IReadOnlyList<Reply>? Answer(TurnContext ctx)
    {
        switch (ctx.Turn.Kind)
        {
            case TurnKind.Welcome:
                var replies = new List<Reply> { Reply.Of($"{ctx.User.Name}，你好！我是众韩助手，可以帮你管理线索、跟进和商机。") };
                replies.Add(Reply.Of(help.For(ctx.User, ctx.English)));
                return replies;
            case TurnKind.Unsupported:
                var what = ctx.Turn.UnsupportedType switch
                {
                    "image" => "图片", "voice" => "语音", "file" => "文件", "video" => "视频", _ => "这类消息",
                };
                return [Reply.Of($"收到你的{what}，不过我目前只能处理文字消息。请用文字发送命令，发送“帮助”查看用法。")];
            default:
                return null;
        }
    }
}
