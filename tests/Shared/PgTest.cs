using Npgsql;

namespace Zhonghan.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests use: <c>ZHONGHAN_TEST_PG</c> (a connection string; .ci/run starts a throw-away
/// cluster and sets it). Without it the PostgreSQL tests are skipped, except under CI (<c>CI=true</c>), where they fail.
/// </summary>
public static class PgTest
{
    public const string Variable = "ZHONGHAN_TEST_PG";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    private static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL tests are skipped here, or null when they run (a server is set, or CI demands them).</summary>
    public static string? SkipReason => Server is null && !UnderCi ? $"PostgreSQL tests need {Variable} (a connection string); .ci/run sets it." : null;

    public static string RequireServer() =>
        Server ?? throw new InvalidOperationException($"{Variable} is not set: CI must run the PostgreSQL tests (.ci/run starts a server).");
}

/// <summary>A test that needs PostgreSQL: skipped without a server outside CI, failing under CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PgTest.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A fresh database on the test server, dropped on dispose (each test class its own).</summary>
public sealed class PgTestDatabase : IDisposable
{
    public PgTestDatabase()
    {
        var server = new NpgsqlConnectionStringBuilder(PgTest.RequireServer());
        Name = "zh_" + Guid.NewGuid().ToString("N")[..16];
        using (var c = new NpgsqlConnection(server.ConnectionString))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {Name} TEMPLATE template0 ENCODING 'UTF8'", c);
            cmd.ExecuteNonQuery();
        }
        server.Database = Name;
        ConnectionString = server.ConnectionString;
        Admin = new NpgsqlConnectionStringBuilder(PgTest.RequireServer()).ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }
    private string Admin { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(Admin);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }
}
