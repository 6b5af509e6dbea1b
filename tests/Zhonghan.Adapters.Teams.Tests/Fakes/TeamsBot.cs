using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Serilog;
using Zhonghan.Bot.Hosting;
using Zhonghan.Testing;

namespace Zhonghan.Adapters.Teams.Tests.Fakes;

/// <summary>
/// The whole bot with the Teams channel on, talking to a loopback Bot Framework: <see cref="FakeIdentity"/> for keys and
/// tokens, <see cref="FakeConnector"/> for everything the bot sends. Activities are posted to <c>/api/messages</c>
/// with real RS256 tokens minted on the bot's fake clock.
/// </summary>
public sealed class TeamsBot : IAsyncDisposable
{
    public const string AppId = "6c0f8f5e-2a8e-4a53-9d6e-1b2f00000b07";
    public const string TenantId = "3f3d1cea-7a18-41af-872b-cfbbd5140984";
    private int sequence;

    public required FakeIdentity Identity { get; init; }
    public required FakeConnector Connector { get; init; }
    public required TestBot Bot { get; init; }
    public required string BotAppId { get; init; }
    public required CapturedLog Log { get; init; }
    public DateTimeOffset Now => Bot.Clock.GetUtcNow();

    public static async Task<TeamsBot> StartAsync(IEnumerable<string>? settings = null, string appId = AppId,
        Action<WebApplicationBuilder>? configure = null, bool teamsOn = true)
    {
        var identity = await FakeIdentity.StartAsync();
        var connector = await FakeConnector.StartAsync(TenantId);
        // No background reminder jobs: they would message the demo users through Teams while a test counts requests.
        var all = new List<string> { "Reminders:Scheduler=false" };
        if (teamsOn)
        {
            all.AddRange([
                $"Teams:AppId={appId}", "Teams:AppPassword=test-password-not-a-secret", $"Teams:TenantId={TenantId}",
                $"Teams:OpenIdMetadataUrl={identity.MetadataUrl}", $"Teams:TokenEndpoint={identity.TokenEndpoint(TenantId)}",
                $"Teams:DefaultServiceUrl={connector.ServiceUrl}",
            ]);
        }
        all.AddRange(settings ?? []);
        var log = new CapturedLog();
        var bot = await TestBot.StartAsync(all, builder =>
        {
            builder.Services.AddSerilog((_, lc) => lc.MinimumLevel.Information().WriteTo.Sink(log), preserveStaticLogger: true);
            configure?.Invoke(builder);
        });
        return new TeamsBot { Identity = identity, Connector = connector, Bot = bot, BotAppId = appId, Log = log };
    }

    public string ValidToken(JsonObject activity) =>
        Identity.Mint(new TokenSpec { Audience = BotAppId, ServiceUrl = (string?)activity["serviceUrl"], Now = Now });

    /// <summary>Posts an activity with a valid token (or <paramref name="token"/>; "" sends no header).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        token ??= ValidToken(activity);
        if (token.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Bot.Http.SendAsync(request);
    }

    /// <summary>A fixture with its serviceUrl pointed at the fake Connector (the token's serviceurl claim must match).</summary>
    public JsonObject FromFixture(string name)
    {
        var activity = Fixture.Json(name);
        activity["serviceUrl"] = Connector.ServiceUrl;
        return activity;
    }

    /// <summary>A 1:1 message from demo user n (1 = zhangsan … 6 = admin), as Teams sends it.</summary>
    public JsonObject Message(string text, int demoUser = 1, string? id = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? $"17{Interlocked.Increment(ref sequence):D11}",
        ["channelId"] = "msteams",
        ["serviceUrl"] = Connector.ServiceUrl,
        ["from"] = User(demoUser),
        ["recipient"] = new JsonObject { ["id"] = $"28:{BotAppId}", ["name"] = "众韩助手" },
        ["conversation"] = new JsonObject
        {
            ["id"] = PersonalConversation(demoUser), ["conversationType"] = "personal", ["tenantId"] = TenantId,
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "zh-CN",
    };

    public static string PersonalConversation(int demoUser) => $"a:1personal-chat-of-user-{demoUser}";

    public static JsonObject User(int demoUser) => new()
    {
        ["id"] = $"29:1teams-user-{demoUser}", ["name"] = $"Demo {demoUser}", ["aadObjectId"] = DemoData.TeamsId(demoUser),
    };

    /// <summary>Sends a message and returns the reply texts the bot posted for it.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string text, int demoUser = 1)
    {
        var activity = Message(text, demoUser);
        var response = await PostAsync(activity);
        response.EnsureSuccessStatusCode();
        var id = (string)activity["id"]!;
        return Connector.Activities.Where(r => r.Method == "POST" && r.RawTarget.EndsWith("/activities/" + id, StringComparison.Ordinal)).Select(r => r.Text).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
