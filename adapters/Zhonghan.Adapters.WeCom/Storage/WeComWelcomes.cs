using Zhonghan.Core.Storage;
using Zhonghan.Core.Time;

namespace Zhonghan.Adapters.WeCom.Storage;

/// <summary>
/// Who was greeted today (Shanghai date). WeCom sends enter_agent every time a member opens the app's chat; the
/// welcome and the full help once a day is helpful, on every opening it would bury the conversation.
/// </summary>
public sealed class WeComWelcomes(IChannelState state, TimeProvider clock)
{
    private readonly SeenIds greeted = new(state, "wecom_welcomed", clock);

    /// <summary>True (and remembered) for the member's first opening today.</summary>
    public bool FirstToday(string userId)
    {
        var key = $"{userId}|{BusinessTime.Today(clock):yyyy-MM-dd}";
        if (greeted.Contains(key)) return false;
        greeted.Add(key);
        return true;
    }

    public int Purge(TimeSpan age) => greeted.Purge(age);
}
