using Microsoft.Extensions.Options;
using Zhonghan.Bot.Hosting;
using Zhonghan.Bot.Import;
using Zhonghan.Bot.LocalChat.Model;
using Zhonghan.Core;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Import;
using Zhonghan.Core.People;
using Zhonghan.Core.Security;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.LocalChat;

/// <summary>
/// 导入线索 in the web chat: <c>POST /api/chat/import</c> (multipart: user, text "导入线索 [负责人]", file .xlsx/.csv)
/// saves the file under the data folder's <c>imports/</c>, runs the lead import, and answers like a chat turn with the
/// summary and a link to the full report, served by <c>GET /api/chat/imports/{name}</c>.
/// </summary>
public static class ChatImportEndpoints
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    private static readonly string[] Extensions = [".xlsx", ".csv"];
    private static readonly string[] Words = ["导入线索", "import leads", "批量导入"];

    public static void MapChatImport(this RouteGroupBuilder api)
    {
        api.MapPost("/import", async (HttpRequest request, UserDirectory users, ImportOwners owners, LeadImportRunner runner,
            IOptions<BotOptions> options, TimeProvider clock, ILogger<LeadImportRunner> log, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
                return Results.BadRequest(new { error = "请用表单上传：user、text（导入线索 [负责人]）和 file（.xlsx 或 .csv）。" });
            var form = await request.ReadFormAsync(ct);
            var name = form["user"].ToString().Trim();
            var file = form.Files["file"] ?? form.Files.FirstOrDefault();
            if (name.Length == 0 || file is null) return Results.BadRequest(new { error = "请求需要 user 和 file。" });
            var user = users.ResolveSender(Channels.Local, name);
            if (user is null) return Answer(ChatGreeting.CustomerNotice(name) + "客户不能导入线索。");
            var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (!Extensions.Contains(extension)) return Answer($"只能导入 .xlsx 或 .csv 文件，“{Path.GetFileName(file.FileName)}”不是。");
            if (file.Length > MaxUploadBytes) return Answer($"文件太大（{file.Length / 1024 / 1024} MB），最多 {MaxUploadBytes / 1024 / 1024} MB。");
            try
            {
                var ownerName = OwnerIn(form["text"].ToString());
                var owner = ownerName is null ? null : owners.ResolveDefault(ownerName);
                var folder = Path.Combine(Path.GetFullPath(options.Value.DataDir), "imports");
                Directory.CreateDirectory(folder);
                var saved = Path.Combine(folder, $"{BusinessTime.LocalNow(clock):yyyyMMdd-HHmmss}-{SafeName(file.FileName)}");
                await using (var stream = File.Create(saved)) await file.CopyToAsync(stream, ct);
                var actor = new Actor { User = user, Channel = Channels.Local };
                var (report, reportPath) = await runner.RunWithReportAsync(actor, saved, new ImportOptions { DefaultOwner = owner }, ct);
                log.LogInformation("Lead import from the web chat by {User}: {Rows} rows, {Created} created", user.LocalName, report.Rows, report.Created);
                var link = new ChatFile { Name = "下载完整报告（.xlsx）", Url = $"/api/chat/imports/{Uri.EscapeDataString(Path.GetFileName(reportPath))}" };
                return Answer($"📎 {Path.GetFileName(file.FileName)}\n{LeadImportRunner.Render(report, dryRun: false)}", link);
            }
            catch (CrmException e)
            {
                return Answer("❌ " + e.Message);
            }
        }).DisableAntiforgery();

        api.MapGet("/imports/{name}", (string name, IOptions<BotOptions> options) =>
        {
            // Only reports, only from the imports folder: the name is a bare file name, never a path.
            var folder = Path.Combine(Path.GetFullPath(options.Value.DataDir), "imports");
            var path = Path.Combine(folder, name);
            return name == Path.GetFileName(name) && name.Contains("-导入报告-") && name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && File.Exists(path)
                ? Results.File(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
                : Results.NotFound(new { error = "没有这个报告。" });
        });
    }

    /// <summary>The owner after 导入线索 ("导入线索 张三" → 张三), or null.</summary>
    public static string? OwnerIn(string text)
    {
        var t = text.Trim();
        var word = Words.FirstOrDefault(w => t.StartsWith(w, StringComparison.OrdinalIgnoreCase));
        var rest = word is null ? "" : t[word.Length..].Trim();
        return rest.Length == 0 ? null : rest;
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        var invalid = Path.GetInvalidFileNameChars();
        name = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray());
        var ext = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        return (stem.Length > 60 ? stem[..60] : stem) + ext.ToLowerInvariant();
    }

    private static IResult Answer(string text, ChatFile? file = null) => Results.Ok(new ChatResponse
    {
        Replies = [new ChatReply { Text = text, Files = file is null ? null : [file] }],
    });
}
