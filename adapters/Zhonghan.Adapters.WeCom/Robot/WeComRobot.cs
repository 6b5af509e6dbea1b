using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Zhonghan.Adapters.WeCom.Api;
using Zhonghan.Adapters.WeCom.Mapping;

namespace Zhonghan.Adapters.WeCom.Robot;

/// <summary>
/// A department's group robot (webhook/send?key=): markdown digests and chart images. The key is a secret and is
/// never logged. Markdown is split at 4096 bytes; images go as base64 with the MD5 of the raw bytes (≤ 2 MB).
/// </summary>
public sealed class WeComRobot(WeComClient client, ILogger<WeComRobot> log)
{
    public const int MarkdownMaxBytes = 4096;
    public const int ImageMaxBytes = 2 * 1024 * 1024;

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
