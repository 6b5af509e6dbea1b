using Zhonghan.Storage.Documents;
using Zhonghan.Storage.LiteDb;
using Zhonghan.Storage.PostgreSql;

namespace Zhonghan.Benchmarks.Storage;

/// <summary>
/// The store a benchmark runs on: the LiteDB file in its folder (default), or PostgreSQL with
/// <c>--store postgres --pg "CONNECTION"</c> (an empty database; the connection defaults to ZHONGHAN_TEST_PG).
/// </summary>
public sealed record BenchStore(string? Pg)
{
    public static BenchStore From(string[] args)
    {
        var i = Array.IndexOf(args, "--store");
        if (i < 0 || i + 1 >= args.Length || args[i + 1] is not ("postgres" or "postgresql")) return new BenchStore((string?)null);
        var p = Array.IndexOf(args, "--pg");
        return new BenchStore(p >= 0 && p + 1 < args.Length ? args[p + 1]
            : Environment.GetEnvironmentVariable("ZHONGHAN_TEST_PG") ?? throw new ArgumentException("--store postgres needs --pg \"CONNECTION\"."));
    }

    public string Name => Pg is null ? "LiteDB" : "PostgreSQL";

    public IDocumentEngine Open(string dir) => Pg is null ? LiteDbEngine.OpenFolder(dir) : new PostgreSqlEngine(Pg);

    /// <summary>The bot's settings for this store (none for LiteDB).</summary>
    public string[] Settings => Pg is null ? [] : ["--Zhonghan:Store=PostgreSql", $"--ConnectionStrings:Zhonghan={Pg}"];

    /// <summary>The data's size: the LiteDB file, or the PostgreSQL database.</summary>
    public string Size(string dir)
    {
        if (Pg is null) return $"file {new FileInfo(Path.Combine(dir, LiteDbEngine.FileName)).Length / 1e6:F0} MB";
        using var c = new Npgsql.NpgsqlConnection(Pg);
        c.Open();
        using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_database_size(current_database())", c);
        return $"database {(long)cmd.ExecuteScalar()! / 1e6:F0} MB";
    }
}
