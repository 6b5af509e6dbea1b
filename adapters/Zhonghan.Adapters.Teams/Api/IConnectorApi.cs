using Refit;
using Zhonghan.Adapters.Teams.Model;

namespace Zhonghan.Adapters.Teams.Api;

/// <summary>
/// The Bot Connector REST API (v3) — the calls the bot needs. Path values are escaped as one segment each
/// (<c>19:x@thread.tacv2;messageid=1</c> → <c>19%3Ax%40thread.tacv2%3Bmessageid%3D1</c>). Answers are read by
/// <see cref="ConnectorClient"/> because channel posts may answer 202 with no body.
/// </summary>
public interface IConnectorApi
{
    [Post("/v3/conversations")]
    Task<HttpResponseMessage> CreateConversationAsync([Body] ConversationParameters parameters, CancellationToken ct);

    [Post("/v3/conversations/{conversationId}/activities")]
    Task<HttpResponseMessage> SendToConversationAsync(string conversationId, [Body] Activity activity, CancellationToken ct);

    [Post("/v3/conversations/{conversationId}/activities/{activityId}")]
    Task<HttpResponseMessage> ReplyToActivityAsync(string conversationId, string activityId, [Body] Activity activity, CancellationToken ct);

    [Put("/v3/conversations/{conversationId}/activities/{activityId}")]
    Task<HttpResponseMessage> UpdateActivityAsync(string conversationId, string activityId, [Body] Activity activity, CancellationToken ct);
}
