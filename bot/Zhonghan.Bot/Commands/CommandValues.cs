using Zhonghan.Core;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>The filled-in values of a command: raw strings, resolved customers and dates.</summary>
public sealed class CommandValues(Dictionary<string, string> raw)
{
    private readonly Dictionary<string, Customer> customers = new();
    private readonly Dictionary<string, ResolvedDate> dates = new();

    public IReadOnlyDictionary<string, string> Raw => raw;

    public string? Get(string key) => raw.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    public string Text(string key) => Get(key) ?? throw new CrmException($"缺少参数：{key}", $"Missing value: {key}");

    public Customer Customer(string key) => customers[key];

    public ResolvedDate? Date(string key) => dates.TryGetValue(key, out var d) ? d : null;

    internal void SetCustomer(string key, Customer c) { customers[key] = c; raw[key] = $"#{c.Id}"; }
    internal void SetDate(string key, ResolvedDate d) => dates[key] = d;
}
