using Xunit.Abstractions;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>Issue 12: one turn, one transaction — nothing lost and nothing doubled when the bot is killed under load.</summary>
public class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryMessageHasExactlyOneEffectAndAnAnswerAcrossFiveKills()
    {
        using var dir = new TempDir();
        var result = await new CrashRun(dir.Path, clients: 8, rounds: 5, answeredBeforeKill: 16).RunAsync(CancellationToken.None);

        output.WriteLine($"{result.Messages} messages, {result.InFlightAtKills} in flight at the {result.Kills} kills, {result.Resent} resent, {result.Elapsed.TotalSeconds:F0} s");
        Assert.Equal(5, result.Kills);
        Assert.True(result.InFlightAtKills > 0, "the kills should have hit messages in flight");
        Assert.All(result.EffectsByMessage, e => Assert.True(e.Value == 1, $"message {e.Key} has {e.Value} follow-ups; answer: {result.Answers.GetValueOrDefault(e.Key)}"));
        Assert.Equal(result.Messages, result.Answers.Count);
        Assert.All(result.Answers.Values, a => Assert.Contains("已记录跟进", a));
    }
}
