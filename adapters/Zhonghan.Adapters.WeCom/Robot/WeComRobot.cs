using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Mapping;
using Zhonghan.Core.Conversations;
using Zhonghan.Adapters.WeCom.Model;

namespace Zhonghan.Adapters.WeCom.Robot;

/// <summary>
/// A department's group robot (webhook/send?key=): markdown digests and chart images. The key is a secret and is
/// never logged. Markdown is split at 4096 bytes; images go as base64 with the MD5 of the raw bytes (≤ 2 MB).
/// </summary>
public sealed class WeComRobot(WeComClient client, ILogger<WeComRobot> log) : IGroupRobot
{
    public const int MarkdownMaxBytes = 4096;
    public const int ImageMaxBytes = 2 * 1024 * 1024;

    /// <summary>A digest: the markdown, then each chart. Failures come back as a result (the digest job logs them).</summary>
    public async Task<SendResult> SendAsync(string robotKey, string markdown, IReadOnlyList<(string Name, byte[] Png)> images, CancellationToken ct)
    {
        try
        {
            await SendMarkdownAsync(robotKey, markdown, ct);
            foreach (var (_, png) in images) await SendImageAsync(robotKey, png, ct);
            return SendResult.Success();
        }
        catch (WeComApiException e)
        {
            return SendResult.Failed($"群机器人发送失败：{e.Errcode} {WeComErrors.Describe(e.Errcode)}");
        }
        catch (ArgumentException e)
        {
            return SendResult.Failed(e.Message);
        }
    }

    public async Task SendMarkdownAsync(string key, string markdown, CancellationToken ct)
    {
        foreach (var piece in CardText.Split(markdown, MarkdownMaxBytes))
            await client.CallBareAsync("webhook/send", c => client.Api.RobotSendAsync(key,
                new RobotMessage { Msgtype = "markdown", Markdown = new TextBody(piece) }, c), ct);
    }

    public async Task SendImageAsync(string key, byte[] image, CancellationToken ct)
    {
        if (image.Length == 0 || image.Length > ImageMaxBytes)
            throw new ArgumentException($"群机器人图片必须在 1 字节到 2 MB 之间（现为 {image.Length} 字节）。", nameof(image));
        var md5 = Convert.ToHexStringLower(MD5.HashData(image));
        await client.CallBareAsync("webhook/send", c => client.Api.RobotSendAsync(key,
            new RobotMessage { Msgtype = "image", Image = new RobotImage(Convert.ToBase64String(image), md5) }, c), ct);
        log.LogInformation("WeCom robot: sent an image of {Bytes} bytes", image.Length);
    }
}
