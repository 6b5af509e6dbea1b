using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Zhonghan.Knowledge.Index;

namespace Zhonghan.Knowledge.AI;

/// <summary>
/// Answers through Semantic Kernel chat with <see cref="KnowledgePlugin"/> as an automatically called function.
/// The answer is accepted only when the model searched, cited what it retrieved, and did not say the sources are
/// insufficient; anything else (including a failed call) is a refusal and the caller falls back to the offline path.
/// </summary>
public sealed partial class SemanticKernelAi(
    IOptions<AiOptions> options, KnowledgeSearch search, IHttpClientFactory http, ILogger<SemanticKernelAi> log) : IKnowledgeAi
{
    public const string HttpClientName = "zhonghan-ai";
    public const string NotFound = "INFO NOT FOUND";

    private const string SystemPrompt =
        "你是众韩电子（电子元器件授权代理商）的产品助手。You are the product assistant of Zhonghan, an electronic-components distributor.\n" +
        "规则 Rules:\n" +
        "1. 先调用 search 工具检索，只根据它返回的资料回答。Always call the search tool first and answer only from what it returns.\n" +
        "2. 每个事实后用方括号标注来源编号，如 [S1]。Cite the ref of every fact in square brackets, e.g. [S1].\n" +
        "3. 资料里没有的型号、价格、库存、交期、参数一律不要编造或推测；标明“NOT the asked part”的结果不是用户问的型号，不能当作它。" +
        "Never invent or guess parts, prices, stock, lead times or specs; a result marked 'NOT the asked part' is not the asked part.\n" +
        "4. 资料不足以回答时，只回复 " + NotFound + "。If the sources do not answer the question, reply exactly " + NotFound + ".\n" +
        "5. 用提问的语言简洁回答。Answer briefly in the language of the question.";

    private readonly Lazy<Kernel> kernel = new(() => Build(options.Value, http.CreateClient(HttpClientName)));

    public bool IsEnabled => options.Value.ChatEnabled;

    public async Task<AiAnswer> AnswerAsync(string question, IReadOnlyList<ChatLine> history, bool english, CancellationToken ct)
    {
        if (!IsEnabled) return AiAnswer.Unsupported;
        var plugin = new KnowledgePlugin(search);
        var k = kernel.Value.Clone();
        k.Plugins.AddFromObject(plugin, "kb");
        var chat = new ChatHistory(SystemPrompt);
        foreach (var line in history.TakeLast(6))
            if (line.FromUser) chat.AddUserMessage(line.Text); else chat.AddAssistantMessage(line.Text);
        chat.AddUserMessage(question);
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(), Temperature = 0 };

        string text;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(5, options.Value.TimeoutSeconds)));
        try
        {
            var reply = await k.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(chat, settings, k, timeout.Token);
            text = reply.Content?.Trim() ?? "";
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or KernelException
                                   || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            log.LogWarning(e, "AI answer failed; falling back to the offline answer");
            return AiAnswer.Unsupported;
        }
        return Check(text, plugin, english);
    }

    /// <summary>Accepts the text only if it searched and cites what it retrieved; appends the cited sources.</summary>
    internal static AiAnswer Check(string text, KnowledgePlugin plugin, bool english)
    {
        var retrieved = plugin.Retrieved;
        if (plugin.Calls == 0 || text.Length == 0 || text.Contains(NotFound, StringComparison.OrdinalIgnoreCase)) return AiAnswer.Unsupported;
        var cited = Citation().Matches(text).Select(m => int.Parse(m.Groups[1].Value) - 1)
            .Where(i => i >= 0 && i < retrieved.Count).Distinct().ToList();
        if (cited.Count == 0) return AiAnswer.Unsupported;
        var sb = new StringBuilder(text).Append('\n').Append(english ? "Sources:" : "来源：");
        foreach (var i in cited) sb.Append($"\n[S{i + 1}] {retrieved[i].Record.Source}");
        return new AiAnswer { Supported = true, Text = sb.ToString(), Cited = cited.Select(i => retrieved[i]).ToList() };
    }

    [GeneratedRegex(@"\[S(\d{1,2})\]")]
    private static partial Regex Citation();

    private static Kernel Build(AiOptions o, HttpClient httpClient)
    {
        var builder = Kernel.CreateBuilder();
        if (o.IsAzure)
            builder.AddAzureOpenAIChatCompletion(o.ChatModel!, o.Endpoint!, o.ApiKey!, httpClient: httpClient);
        else if (!string.IsNullOrWhiteSpace(o.Endpoint))
            builder.AddOpenAIChatCompletion(o.ChatModel!, new Uri(o.Endpoint), o.ApiKey, httpClient: httpClient);
        else
            builder.AddOpenAIChatCompletion(o.ChatModel!, o.ApiKey!, httpClient: httpClient);
        return builder.Build();
    }
}
