namespace Zhonghan.Core.Conversations;

/// <summary>A department's group chat robot (WeCom 群机器人), for digests. The WeCom channel provides it when configured.</summary>
public interface IGroupRobot
{
    Task<SendResult> SendAsync(string robotKey, string markdown, IReadOnlyList<(string Name, byte[] Png)> images, CancellationToken ct);
}
