using Npgsql;

namespace Zhonghan.Bot.Tests;

/// <summary>Reads committed rows of a PostgreSQL store straight from its tables (what every instance sees).</summary>
public static class PgQueries
{
    public static long Scalar(string connectionString, string sql, params (string Name, object Value)[] args)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static long Customers(string cs, string company) =>
        Scalar(cs, "SELECT count(*) FROM customers WHERE body->>'company' = @c", ("c", company));

    /// <summary>Local-chat messages waiting for anyone whose text contains <paramref name="text"/> (the item is JSON in a string).</summary>
    public static long OutboxItems(string cs, string text)
    {
        using var c = new NpgsqlConnection(cs);
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT body->>'json' FROM channel_state WHERE body->>'bucket' = 'local_outbox'", c);
        using var reader = cmd.ExecuteReader();
        var n = 0L;
        while (reader.Read())
            if (System.Text.Json.JsonDocument.Parse(reader.GetString(0)).RootElement.GetProperty("reply").GetProperty("text").GetString()?.Contains(text) == true) n++;
        return n;
    }

    /// <summary>
    /// Looks every quarter second until <paramref name="condition"/> holds: work in another process has no event to
    /// wait on. It waits for something to happen (bounded), never to prove that nothing did.
    /// </summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (!condition()) await tick.WaitForNextTickAsync(bound.Token);
            return true;
        }
        catch (OperationCanceledException) { return condition(); }
    }
}
