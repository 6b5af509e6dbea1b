using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Zhonghan.Knowledge.AI;
using Zhonghan.Knowledge.Index;
using Zhonghan.Testing;

namespace Zhonghan.Knowledge.Tests;

/// <summary>The Semantic Kernel path against a loopback OpenAI-compatible server that scripts the tool call.</summary>
public sealed class AiTests : IAsyncLifetime
{
    private FakeOpenAi server = null!;
    private readonly TestKb kb = new();

    public async Task InitializeAsync()
    {
        server = await FakeOpenAi.StartAsync();
        kb.ImportDemo();
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        kb.Dispose();
    }

    private SemanticKernelAi Ai(string provider = "openai", string? endpoint = null) => new(
        Options.Create(new AiOptions
        {
            Provider = provider, Endpoint = endpoint ?? new Uri(server.BaseAddress, "v1").ToString(), ApiKey = "test-key", ChatModel = "fake-model",
        }),
        kb.Search, new PlainHttpClientFactory(), NullLogger<SemanticKernelAi>.Instance);

    /// <summary>Round 1: call the search function; round 2: answer citing S1 if the tool result says what we expect.</summary>
    private void ScriptSampleAnswer(string answer)
    {
        server.Chat = body => FakeOpenAi.ToolResults(body).Count == 0
            ? FakeOpenAi.ToolCall("kb-search", new { query = "申样 步骤", top = 3 })
            : FakeOpenAi.Text(FakeOpenAi.ToolResults(body).Any(r => r.Contains("申样单")) ? answer : "INFO NOT FOUND");
    }

    [Fact]
    public async Task TheModelCallsTheSearchFunctionAndItsCitedAnswerIsAccepted()
    {
        ScriptSampleAnswer("把型号、数量和用途发给销售，销售提交申样单，主管审批后发货 [S1]。");
        var answer = await Ai().AnswerAsync("怎么申请样品？", [], english: false, CancellationToken.None);

        Assert.True(answer.Supported);
        Assert.Contains("申样单", answer.Text);
        Assert.Contains("来源：\n[S1] 申样流程.md", answer.Text);
        Assert.Equal("申样流程.md › 申样步骤", answer.Cited.Single().Record.Source);
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("/v1/chat/completions", r.Path));
        Assert.Equal("Bearer test-key", requests[0].Authorization);
        Assert.Equal("kb-search", (string?)requests[0].Body["tools"]![0]!["function"]!["name"]);
        Assert.Contains("只根据", requests[0].Body["messages"]![0]!["content"]!.ToString());
    }

    [Fact]
    public async Task AnAnswerThatCitesNothingRetrievedIsRefused()
    {
        ScriptSampleAnswer("样品免费，随时可以寄出 [S9]。");
        Assert.False((await Ai().AnswerAsync("样品怎么申请", [], false, CancellationToken.None)).Supported);
    }

    [Fact]
    public async Task TheModelSayingTheSourcesDoNotAnswerIsARefusal()
    {
        server.Chat = body => FakeOpenAi.ToolResults(body).Count == 0
            ? FakeOpenAi.ToolCall("kb-search", new { query = "发票" })
            : FakeOpenAi.Text("INFO NOT FOUND");
        Assert.False((await Ai().AnswerAsync("能开专票吗", [], false, CancellationToken.None)).Supported);
    }

    [Fact]
    public async Task AnAnswerWithoutSearchingIsRefused()
    {
        server.Chat = _ => FakeOpenAi.Text("当然可以，价格是 1 元 [S1]。");
        Assert.False((await Ai().AnswerAsync("STM32 多少钱", [], false, CancellationToken.None)).Supported);
    }

    [Fact]
    public async Task AzureRequestsGoToTheDeployment()
    {
        ScriptSampleAnswer("流程见资料 [S1]。");
        var answer = await Ai("azure", server.BaseAddress.ToString()).AnswerAsync("申样流程", [], false, CancellationToken.None);
        Assert.True(answer.Supported);
        var request = server.Requests.First();
        Assert.StartsWith("/openai/deployments/fake-model/chat/completions", request.Path);
        Assert.Contains("test-key", request.Authorization);
    }

    [Fact]
    public async Task AServerErrorIsARefusalNotACrash()
    {
        var ai = Ai(endpoint: "http://127.0.0.1:9/v1");   // nothing listens on the discard port
        Assert.False((await ai.AnswerAsync("申样流程", [], false, CancellationToken.None)).Supported);
    }

    [Fact]
    public async Task VectorResultsAreFusedAndExactPartsStayFirst()
    {
        // A toy embedding: "寄样" (a word no document uses) lands next to the sample pages.
        server.Embed = text => [text.Contains("申样") || text.Contains("寄样") ? 1f : 0f, text.Contains("交期") ? 1f : 0f, 0.05f];
        var options = Options.Create(new AiOptions { Provider = "openai", Endpoint = new Uri(server.BaseAddress, "v1").ToString(), ApiKey = "k", EmbeddingModel = "fake-embedding" });
        var vectors = new EmbeddingVectors(options, kb.Index, new PlainHttpClientFactory(), NullLogger<EmbeddingVectors>.Instance);
        Assert.Equal(kb.Index.Count, await vectors.SyncAsync(null, CancellationToken.None));
        Assert.Equal(0, await vectors.SyncAsync(null, CancellationToken.None));   // nothing changed, nothing re-embedded
        var hybrid = new KnowledgeSearch(kb.Index, vectors);

        Assert.Empty((await kb.SearchAsync("寄样")).Hits);
        var fused = (await hybrid.SearchAsync("寄样", 4, CancellationToken.None)).Hits;
        Assert.Equal(4, fused.Count);   // the four sections of the sample page are the nearest
        Assert.All(fused, h => Assert.StartsWith("申样流程.md", h.Record.Source));

        var withPart = (await hybrid.SearchAsync("STM32F103C8T6 寄样", 5, CancellationToken.None)).Hits;
        Assert.Equal("STM32F103C8T6", withPart[0].Record.Mpn);
        Assert.Equal(Documents.MatchKind.Exact, withPart[0].Match);
    }
}

/// <summary>The whole bot with AI configured, against the fake server.</summary>
public sealed class AiServiceBotTests : IAsyncLifetime
{
    private FakeOpenAi server = null!;
    private ChatHarness bot = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAi.StartAsync();
        bot = await ChatHarness.StartAsync([
            "AI:Provider=openai", $"AI:Endpoint={new Uri(server.BaseAddress, "v1")}", "AI:ApiKey=test-key", "AI:ChatModel=fake-model",
        ]);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task GeneralQuestionsGoThroughTheModelButPartFactsNever()
    {
        server.Chat = body => FakeOpenAi.ToolResults(body).Count == 0
            ? FakeOpenAi.ToolCall("kb-search", new { query = "报价 时效" })
            : FakeOpenAi.Text("常规现货型号一般 1 个工作日内报价 [S1]。");
        var text = await bot.SendAsync("客户-吴工", "你们报价快吗");
        Assert.StartsWith("常规现货型号一般 1 个工作日内报价 [S1]。", text);
        Assert.Contains("[S1] 报价流程.md", text);
        var calls = server.Requests.Count;

        var part = await bot.SendAsync("客户-吴工", "STM32F103C8T6 多少钱");
        Assert.Contains("价格：¥8.50", part);
        Assert.Equal(calls, server.Requests.Count);
    }

    [Fact]
    public async Task WhenTheModelRefusesTheCustomerIsHandedOver()
    {
        server.Chat = body => FakeOpenAi.ToolResults(body).Count == 0
            ? FakeOpenAi.ToolCall("kb-search", new { query = "发票" })
            : FakeOpenAi.Text("INFO NOT FOUND");
        var reply = (await bot.TurnAsync("客户-郑女士", "能开增值税专用发票吗")).Replies.Single();
        Assert.StartsWith("不确定", reply.Text);
        Assert.True(reply.HandOverToHuman);
    }

    [Fact]
    public async Task AnUnroutedRepMessageGoesToTheModelAndItsRefusalLeavesTheFallback()
    {
        server.Chat = body => FakeOpenAi.ToolResults(body).Count == 0
            ? FakeOpenAi.ToolCall("kb-search", new { query = "x" })
            : FakeOpenAi.Text("INFO NOT FOUND");
        Assert.StartsWith("没看懂", await bot.SendAsync("zhangsan", "跟近 汇川"));
        Assert.True(server.Requests.Count >= 2);
    }
}
