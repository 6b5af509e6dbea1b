using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Pipeline;

/// <summary>
/// Where turns from outside customers go (WeChat customer service, or a local chat name that is no CRM user).
/// The knowledge room provides the real desk; until then <see cref="PlaceholderCustomerDesk"/> answers.
/// </summary>
public interface ICustomerDesk
{
    Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, string turnId, CancellationToken ct);
}

public sealed class PlaceholderCustomerDesk : ICustomerDesk
{
    public Task<IReadOnlyList<Reply>> HandleAsync(Turn turn, string turnId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Reply>>([Reply.Of(
            "您好，这里是众韩电子。产品问答功能正在准备中，暂时无法自动回答；请留下您的问题和联系方式，我们的销售会尽快联系您。")]);
}
