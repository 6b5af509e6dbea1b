using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Zhonghan.Bot.Commands;
using Zhonghan.Core.Conversations;
using Zhonghan.Testing;

namespace Zhonghan.Bot.Tests;

/// <summary>The one command table against everything that reads it: the core, the README, typed buttons, function calling.</summary>
public partial class CommandTableTests
{
    private static readonly CommandCatalog Table = new ServiceCollection().AddCommands().BuildServiceProvider().GetRequiredService<CommandCatalog>();

    private static IEnumerable<string> Words => Table.All.SelectMany(e => new[] { e.Spec.Word }.Concat(e.Spec.Aliases))
        .Where(w => w.Any(char.IsLetter));

    [Fact]
    public void TheCoreHoldsNoCommandWords()
    {
        var found = new List<string>();
        foreach (var file in RepoFiles.Sources("core"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                if (lines[i].Contains("CardAction.Command(", StringComparison.Ordinal))
                    found.Add($"{Relative(file)}:{i + 1}: a raw command button (use CardAction.Run with a typed action)");
                foreach (Match literal in Literal().Matches(lines[i]))
                    foreach (var word in Words.Where(w => IsCommandLine(literal.Groups[1].Value, w)))
                        found.Add($"{Relative(file)}:{i + 1}: “{word}” in {literal.Value}");
            }
        }
        Assert.True(found.Count == 0, "Command words in the core (ask ICommandWords, or make the button typed):\n" + string.Join("\n", found));
    }

    /// <summary>
    /// The word as a command a user is told to type: with an argument (#12, &lt;数量&gt;, {o.No} &lt;…&gt;), after a colon or
    /// bracket with a value, or quoted (发送“今日待办”). A word alone is often just a word (a stage, a role, a digest's name).
    /// </summary>
    private static bool IsCommandLine(string text, string word)
    {
        var w = Regex.Escape(word);
        var before = CommandSpec.IsAscii(word) ? @"(?<![A-Za-z])" : "";
        return Regex.IsMatch(text, $@"{before}{w} (#|<|\{{[^}}]*\}} <)", RegexOptions.IgnoreCase)
            || Regex.IsMatch(text, $@"[：（(“]{w} \{{")
            || text.Contains($"“{word}”", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("完成：跟进 #{c.Id}", "跟进", true)]
    [InlineData("请先：添加物料 <商机> <型号> <年用量>。", "添加物料", true)]
    [InlineData("请安排备货发货（发货 {order.No} <数量> [快递单号]）。", "发货", true)]
    [InlineData("请先领取（领取 {c.Company}）。", "领取", true)]
    [InlineData("…发送“今日待办”查看全部", "今日待办", true)]
    [InlineData("Use 'lose <opportunity> <reason>'.", "lose", true)]
    [InlineData("报价 {q.No} · {o?.CustomerName}", "报价", false)]
    [InlineData("申样需要一份审批通过的报价。", "申样", false)]
    [InlineData("The quote stage needs a part.", "quote", false)]
    public void ACommandLineIsToldFromAWord(string literal, string word, bool command) => Assert.Equal(command, IsCommandLine(literal, word));

    [Fact]
    public void EveryTypedActionIsServedByExactlyOneCommand()
    {
        foreach (var kind in Enum.GetValues<ActionKind>())
            Assert.Single(Table.All, e => e.Spec.Serves == kind);
    }

    [Fact]
    public void TypedActionsAreWordedFromTheTable()
    {
        Assert.Equal("下次跟进 #12 明天", Table.Text(CommandIntent.OfCustomer(ActionKind.PlanFollowUp, 12, "明天")));
        Assert.Equal("跟进 #12", Table.Text(CommandIntent.OfCustomer(ActionKind.LogFollowUp, 12)));
        Assert.Equal("同意 Q3", Table.Text(CommandIntent.OfDocument(ActionKind.Approve, Core.Parsing.CodeKind.Quote, 3)));
        Assert.Equal("发货 O7 <数量> [快递单号]", Table.Usage(CommandIntent.OfDocument(ActionKind.Ship, Core.Parsing.CodeKind.Order, 7), optional: true));
        Assert.Equal("添加物料 <商机> <型号> <年用量>", Table.Usage(new CommandIntent(ActionKind.AddPart)));
        Assert.Equal("lose <opportunity> <reason>", Table.Usage(new CommandIntent(ActionKind.Lose), english: true));
    }

    [Fact]
    public void EveryParameterIsDescribedInChineseAndEnglishForFunctionCalling()
    {
        foreach (var spec in Table.All.Select(e => e.Spec))
        {
            Assert.Matches("^[a-z][a-z-]*$", spec.Id);
            Assert.False(string.IsNullOrWhiteSpace(spec.Summary + spec.SummaryEn), spec.Id);
            foreach (var p in spec.Params.Where(p => !p.Hidden))
            {
                Assert.False(string.IsNullOrWhiteSpace(p.Label), $"{spec.Id}.{p.Key}");
                Assert.False(string.IsNullOrWhiteSpace(p.LabelEn), $"{spec.Id}.{p.Key}");
                Assert.Contains("：", p.Description(false));
                Assert.Contains(": ", p.Description(true));
                if (p.Required) Assert.False(string.IsNullOrWhiteSpace(p.Ask), $"{spec.Id}.{p.Key} asks nothing when missing");
            }
        }
    }

    private static string Relative(string file) => Path.GetRelativePath(RepoFiles.Root, file);

    [GeneratedRegex(@"\$?@?""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Literal();
}

/// <summary>The README's cheat sheet is the command table (written from it; a difference fails).</summary>
public class ReadmeCheatSheetTests
{
    [Fact]
    public void TheReadmeCheatSheetIsTheCommandTable()
    {
        var catalog = new ServiceCollection().AddCommands().BuildServiceProvider().GetRequiredService<CommandCatalog>();
        var expected = CommandSheet.Markdown(catalog);
        var readmePath = RepoFiles.Path("README.md");
        var readme = File.ReadAllText(readmePath).Replace("\r\n", "\n");
        var begin = readme.IndexOf(CommandSheet.Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(CommandSheet.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has no generated command section (its markers are missing)");
        var actual = readme[begin..(end + CommandSheet.End.Length)];
        if (actual != expected && Environment.GetEnvironmentVariable("ZHONGHAN_WRITE_README") == "1")
        {
            File.WriteAllText(readmePath, readme[..begin] + expected + readme[(end + CommandSheet.End.Length)..]);
            return;
        }
        Assert.True(actual == expected,
            "README.md's command cheat sheet differs from the command table. Run this test with ZHONGHAN_WRITE_README=1 to write it, or paste:\n" + expected);
    }
}

/// <summary>A command run from typed values (function calling) takes the same way as typed text.</summary>
public class TypedCallTests : IAsyncLifetime
{
    private ChatHarness bot = null!;

    public async Task InitializeAsync() => bot = await ChatHarness.StartAsync();
    public async Task DisposeAsync() => await bot.DisposeAsync();

    private Pipeline.TurnContext Context(string user) => new()
    {
        Turn = new Turn { Channel = Channels.Local, MessageId = Guid.NewGuid().ToString("N"), SenderId = user, Address = ConversationAddress.For(Channels.Local, user) },
        User = bot.Get<Core.People.UserDirectory>().ByLocalName(user)!,
        TurnId = "typed",
    };

    private int Hikvision => bot.Get<Storage.DocumentStore>().AllCustomers().Single(c => c.Company.Contains("海康")).Id;

    [Fact]
    public async Task ACommandRunsFromTypedValues()
    {
        var due = new Core.Time.ResolvedDate(TestClock.MondayMorning.UtcDateTime.AddDays(2), DateOnly: true);
        var replies = await bot.Get<Pipeline.CommandRoute>().RunAsync(Context("zhangsan"), "next",
            new Dictionary<string, object?> { ["company"] = Hikvision, ["date"] = due }, CancellationToken.None);
        Assert.Contains("下次跟进：2026-12-02（周三）", replies.Single().Text);
    }

    [Fact]
    public async Task ATypedCallIsCheckedLikeTypedText()
    {
        var route = bot.Get<Pipeline.CommandRoute>();
        var refused = await route.RunAsync(Context("zhaoliu"), "lead", new Dictionary<string, object?> { ["company"] = "苏州测试电子" }, CancellationToken.None);
        Assert.Contains("你的角色不能使用“新建线索”", refused.Single().Text);

        var ctx = Context("zhangsan");
        var asked = await route.RunAsync(ctx, "next", new Dictionary<string, object?> { ["company"] = Hikvision }, CancellationToken.None);
        Assert.Contains("请输入下次跟进日期", asked.Single().Text);
        Assert.Equal(("next", "date", DialogWait.Value), (ctx.NextDialog!.Command, ctx.NextDialog.Pending, ctx.NextDialog.Waits));
    }
}

/// <summary>Dialog state is saved in one place: the pipeline, once per turn, from what the turn left waiting.</summary>
public class DialogOwnershipTests
{
    [Fact]
    public void OnlyThePipelineStoresDialogs()
    {
        var allowed = new[] { "DialogStore.cs", "TurnPipeline.cs", "ServiceRegistration.cs" };
        var offenders = RepoFiles.Sources("bot")
            .Where(f => !allowed.Contains(Path.GetFileName(f)))
            .Where(f => File.ReadAllText(f) is var s && (s.Contains("DialogStore", StringComparison.Ordinal) || s.Contains("SaveDialog(", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(RepoFiles.Root, f)).ToList();
        Assert.True(offenders.Count == 0, "Dialogs stored outside the pipeline (return a Continuation, or call ctx.Ask):\n" + string.Join("\n", offenders));
    }
}
