using Zhonghan.Core;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Time;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// The filled-in values of a command: raw strings, resolved entities (customers, opportunities), dates, and the
/// typed values the core parsers read (amounts, quantities, prices, document numbers, phones, choices).
/// </summary>
public sealed class CommandValues(Dictionary<string, string> raw)
{
    private readonly Dictionary<string, object> entities = new();
    private readonly Dictionary<string, ResolvedDate> dates = new();
    private readonly Dictionary<string, ParamValue> typed = new();

    public IReadOnlyDictionary<string, string> Raw => raw;

    public string? Get(string key) => raw.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    public string Text(string key) => Get(key) ?? throw new CrmException($"缺少参数：{key}", $"Missing value: {key}");

    public Customer Customer(string key) => Entity<Customer>(key);

    public Customer? OptionalCustomer(string key) => entities.GetValueOrDefault(key) as Customer;

    public T Entity<T>(string key) => (T)entities[key];

    public ResolvedDate? Date(string key) => dates.TryGetValue(key, out var d) ? d : null;

    /// <summary>A typed value (amount, quantity, price, code, phone, choice), if it was given.</summary>
    public ParamValue? Value(string key) => typed.GetValueOrDefault(key);

    /// <summary>An amount or price in yuan, if given.</summary>
    public decimal? Money(string key) => Value(key)?.Money;

    public long? Quantity(string key) => Value(key)?.Quantity;

    public DocCode? Code(string key) => Value(key)?.Code;

    /// <summary>The value a choice stands for (or the normalised phone), if given.</summary>
    public string? Choice(string key) => Value(key)?.Text;

    internal void SetEntity(string key, object entity, int id) { entities[key] = entity; raw[key] = $"#{id}"; }
    internal void SetDate(string key, ResolvedDate d) => dates[key] = d;
    internal void SetValue(string key, ParamValue v) => typed[key] = v;
}
