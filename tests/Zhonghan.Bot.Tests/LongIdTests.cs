using System.Net;
using System.Net.Http.Json;
using Zhonghan.Core.Conversations;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>Issue 11, item 2: a local chat id over the storage key limit is bounded, not a 500.</summary>
public class LongIdTests
{
    [Fact]
    public async Task ALocalChatIdOfElevenHundredBytesIsAnsweredAndStillDeduplicated()
    {
        await using var bot = await TestBot.StartAsync();
        var id = new string('长', 400); // 1,200 UTF-8 bytes
        for (var i = 0; i < 2; i++)
        {
            var response = await bot.Http.PostAsJsonAsync("/api/chat", new { user = "zhangsan", text = "跟进 汇川 长编号测试", id });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var card = string.Join("\n", await bot.ChatAsync("zhangsan", "客户 汇川"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(card, "长编号测试"));
    }

    [Theory]
    [InlineData("short-id")]
    [InlineData("")]
    public void ShortIdsStayAsTheyAre(string id) => Assert.Equal(id, BoundedId.Of(id));

    [Fact]
    public void LongIdsAreBoundedUniqueAndStable()
    {
        var a = BoundedId.Of(new string('x', 3000));
        var b = BoundedId.Of(new string('x', 2999) + "y");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(a) <= BoundedId.MaxBytes);
        Assert.NotEqual(a, b);
        Assert.Equal(a, BoundedId.Of(new string('x', 3000)));
        Assert.Equal(a, BoundedId.Of(a));
        var emoji = BoundedId.Of(string.Concat(Enumerable.Repeat("😀", 500)));
        Assert.False(char.IsHighSurrogate(emoji[emoji.IndexOf('#') - 1]));
    }
}
