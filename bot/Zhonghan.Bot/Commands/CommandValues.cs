using Zhonghan.Core;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>The filled-in values of a command: raw strings, resolved entities (customers, opportunities) and dates.</summary>
public sealed class CommandValues(Dictionary<string, string> raw)
{
    private readonly Dictionary<string, object> entities = new();
    private readonly Dictionary<string, ResolvedDate> dates = new();

    public IReadOnlyDictionary<string, string> Raw => raw;

    public string? Get(string key) => raw.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    public string Text(string key) => Get(key) ?? throw new CrmException($"缺少参数：{key}", $"Missing value: {key}");

    public Customer Customer(string key) => Entity<Customer>(key);

    public T Entity<T>(string key) => (T)entities[key];

    public ResolvedDate? Date(string key) => dates.TryGetValue(key, out var d) ? d : null;

    internal void SetEntity(string key, object entity, int id) { entities[key] = entity; raw[key] = $"#{id}"; }
    internal void SetDate(string key, ResolvedDate d) => dates[key] = d;
}
