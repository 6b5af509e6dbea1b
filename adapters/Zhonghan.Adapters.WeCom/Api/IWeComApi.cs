using Refit;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Adapters.WeCom.Api;

/// <summary>The WeCom server API (Refit). Errcodes are handled by <see cref="WeComClient"/>, transport retries by the handler.</summary>
public interface IWeComApi
{
    [Get("/cgi-bin/gettoken")]
    Task<TokenResult> GetTokenAsync([AliasAs("corpid")] string corpId, [AliasAs("corpsecret")] string secret, CancellationToken ct);

    [Post("/cgi-bin/message/send")]
    Task<MessageSendResult> SendAsync([Query, AliasAs("access_token")] string token, [Body] AppMessage message, CancellationToken ct);

    [Post("/cgi-bin/message/update_template_card")]
    Task<WeComResult> UpdateTemplateCardAsync([Query, AliasAs("access_token")] string token, [Body] CardUpdate update, CancellationToken ct);

    [Multipart]
    [Post("/cgi-bin/media/upload")]
    Task<MediaUploadResult> UploadAsync([Query, AliasAs("access_token")] string token, [Query] string type,
        [AliasAs("media")] ByteArrayPart media, CancellationToken ct);

    [Post("/cgi-bin/kf/sync_msg")]
    Task<KfSyncResult> KfSyncAsync([Query, AliasAs("access_token")] string token, [Body] KfSyncRequest request, CancellationToken ct);

    [Post("/cgi-bin/kf/send_msg")]
    Task<KfSendResult> KfSendAsync([Query, AliasAs("access_token")] string token, [Body] KfSendRequest request, CancellationToken ct);

    [Post("/cgi-bin/kf/send_msg_on_event")]
    Task<KfSendResult> KfSendOnEventAsync([Query, AliasAs("access_token")] string token, [Body] KfSendOnEventRequest request, CancellationToken ct);

    [Post("/cgi-bin/kf/service_state/get")]
    Task<KfStateResult> KfStateAsync([Query, AliasAs("access_token")] string token, [Body] KfStateRequest request, CancellationToken ct);

    [Post("/cgi-bin/kf/service_state/trans")]
    Task<KfStateResult> KfTransAsync([Query, AliasAs("access_token")] string token, [Body] KfStateRequest request, CancellationToken ct);

    [Post("/cgi-bin/kf/customer/batchget")]
    Task<KfCustomerResult> KfCustomersAsync([Query, AliasAs("access_token")] string token, [Body] KfCustomerRequest request, CancellationToken ct);

    [Post("/cgi-bin/webhook/send")]
    Task<WeComResult> RobotSendAsync([Query] string key, [Body] RobotMessage message, CancellationToken ct);
}
