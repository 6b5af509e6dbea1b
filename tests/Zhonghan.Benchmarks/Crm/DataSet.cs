using System.Text.Json;

namespace Zhonghan.Benchmarks.Crm;

/// <summary>
/// What a generated CRM holds and where to find its test subjects, saved next to the data (<c>dataset.json</c>) so a
/// later run (<c>--reuse DIR</c>) and the timed child process find them without scanning a million customers.
/// </summary>
public sealed record DataSet
{
    public const string FileName = "dataset.json";

    public int Customers { get; init; }
    public int FollowUps { get; init; }
    public int Opportunities { get; init; }
    public string Store { get; init; } = "";
    public double GeneratedSeconds { get; init; }
    public int TimelineCustomerId { get; init; }
    /// <summary>Up to 200 customer ids per rep (rep local name → ids), for the turns to name.</summary>
    public Dictionary<string, List<int>> SampleByRep { get; init; } = new();
    /// <summary>Opportunities in 需求挖掘 with parts (推进 moves them; each is used once).</summary>
    public List<int> Advanceable { get; init; } = new();
    /// <summary>Customers with open invoices (回款).</summary>
    public List<int> WithInvoices { get; init; } = new();

    public bool Matches(int customers, int followUps, int opportunities, string store) =>
        Customers == customers && FollowUps == followUps && Opportunities == opportunities && Store == store;

    public void Save(string dir) => File.WriteAllText(Path.Combine(dir, FileName), JsonSerializer.Serialize(this));

    public static DataSet? Load(string dir)
    {
        var path = Path.Combine(dir, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<DataSet>(File.ReadAllText(path)) : null;
    }
}
