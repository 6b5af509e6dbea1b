using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Zhonghan.Knowledge.Documents;
using Zhonghan.Knowledge.Index;

namespace Zhonghan.Knowledge.Ingestion;

/// <summary>
/// Imports a file or a folder (recursively). A file whose content hash is unchanged is skipped; a changed file's
/// records are replaced; a file imported earlier from the same folder that is gone now is removed. A file that
/// cannot be read is reported and keeps its earlier version. One commit at the end, with the manifest.
/// </summary>
public sealed class KnowledgeImporter(KnowledgeIndex index, TimeProvider clock, ILogger<KnowledgeImporter> log)
{
    private const int BufferLimit = 20_000;
    private static readonly object ImportGate = new();

    /// <param name="demo">Marks the manifest: the demo content was imported (so it is never imported again).</param>
    public ImportReport Import(string path, IProgress<ImportProgress>? progress, CancellationToken ct, bool demo = false)
    {
        var full = Path.GetFullPath(path);
        var isFolder = Directory.Exists(full);
        if (!isFolder && !File.Exists(full))
            throw new KnowledgeException($"找不到文件或文件夹：{path}", $"No such file or folder: {path}");
        lock (ImportGate) return Run(full, isFolder, progress, demo, ct);
    }

    private ImportReport Run(string root, bool isFolder, IProgress<ImportProgress>? progress, bool demo, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var readers = new IRecordReader[] { new MarkdownReader(), new CatalogReader(), new PdfReader() };
        var byExt = readers.SelectMany(r => r.Extensions.Select(e => (e, r))).ToDictionary(x => x.e, x => x.r, StringComparer.OrdinalIgnoreCase);
        var report = new ImportReport();
        var files = isFolder
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !IsHidden(root, f)).Order(StringComparer.Ordinal).ToList()
            : [root];
        var accepted = new List<string>();
        foreach (var f in files)
            if (byExt.ContainsKey(Path.GetExtension(f))) accepted.Add(f); else report.Skipped.Add(f);

        var manifest = index.Manifest();
        using var session = index.BeginWrite();
        var done = 0;
        foreach (var file in accepted)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new ImportProgress(done, accepted.Count, report.Records, file));
            var hash = Hash(file);
            var known = manifest.Files.GetValueOrDefault(file);
            if (known is not null && known.Hash == hash) { report.Unchanged.Add(file); done++; continue; }
            var buffer = new List<KnowledgeRecord>();
            var streaming = false;
            long count = 0;
            try
            {
                var reader = byExt[Path.GetExtension(file)];
                foreach (var record in reader.Read(file, ct))
                {
                    count++;
                    if (streaming) session.Add(record); else buffer.Add(record);
                    if (!streaming && buffer.Count >= BufferLimit)
                    {
                        // Large catalogues stream; small files are read whole first so a broken one changes nothing.
                        session.Replace(file, buffer);
                        buffer.Clear();
                        streaming = true;
                    }
                    if (count % 2000 == 0) progress?.Report(new ImportProgress(done, accepted.Count, report.Records + count, file));
                }
                if (!streaming) session.Replace(file, buffer);
                if (reader is CatalogReader catalog) report.RowsWithoutPart += catalog.Skipped;
                report.Records += count;
                (known is null ? report.Added : report.Updated).Add(file);
                manifest.Files[file] = new ManifestEntry { Hash = hash, Root = root, Records = (int)count, ImportedAt = clock.GetUtcNow().UtcDateTime };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            // Any reader failure (corrupt zip, bad PDF xref, odd encoding …) is this file's problem, reported with
            // its reason and logged with the stack; the other files are still imported.
            {
                var reason = e.Message;
                if (streaming)
                {
                    // Part of it was written already: take the file out entirely rather than leave half of it.
                    session.Remove(file);
                    if (manifest.Files.Remove(file)) report.Removed.Add(file);
                    reason += "（已写入的部分已撤回）";
                }
                report.Failed.Add((file, reason));
                log.LogWarning(e, "Knowledge import: {File} failed: {Reason}", file, reason);
            }
            done++;
        }
        if (isFolder)
        {
            var present = files.ToHashSet(StringComparer.Ordinal);
            var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            foreach (var (file, _) in manifest.Files.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && !present.Contains(kv.Key)).ToList())
            {
                session.Remove(file);
                manifest.Files.Remove(file);
                report.Removed.Add(file);
            }
        }
        if (demo) manifest.DemoImported = true;
        if (report.Changed || demo) session.Commit(manifest);
        progress?.Report(new ImportProgress(accepted.Count, accepted.Count, report.Records, null));
        index.Refresh();
        report.Elapsed = started.Elapsed;
        log.LogInformation("Knowledge import of {Root}: {Added} added, {Updated} updated, {Removed} removed, {Failed} failed, {Records} records in {Ms} ms",
            root, report.Added.Count, report.Updated.Count, report.Removed.Count, report.Failed.Count, report.Records, (long)started.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>Removes every record and file (the next start imports the demo content again, if enabled).</summary>
    public void Clear()
    {
        lock (ImportGate)
        {
            var demoImported = index.Manifest().DemoImported;
            using var session = index.BeginWrite();
            session.DeleteAll();
            session.Commit(new Manifest { DemoImported = demoImported });
        }
        index.Refresh();
    }

    private static bool IsHidden(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.') || p.StartsWith('~'));

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
