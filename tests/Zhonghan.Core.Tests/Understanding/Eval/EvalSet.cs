using System.Text.Json;

namespace Zhonghan.Core.Tests.Understanding.Eval;

/// <summary>One message of the evaluation set and what it means (see understanding-eval.json's "rules").</summary>
public sealed record EvalItem
{
    public required string Text { get; init; }
    public required string Intent { get; init; }
    public string? Customer { get; init; }
    public string? Deal { get; init; }
    public string? Contact { get; init; }
    public string? Kind { get; init; }
    public string? Content { get; init; }
    public string? Next { get; init; }
    public string? At { get; init; }
    public string? Reason { get; init; }
    public string? Stage { get; init; }
    public string[] Parts { get; init; } = [];
    public bool Sample { get; init; }
    public long? Quantity { get; init; }
    public decimal? Amount { get; init; }
    public string? Phone { get; init; }
    public string? Period { get; init; }
    public string[] Missing { get; init; } = [];
    public string? Src { get; init; }
}

/// <summary>An evaluation file: the clock its dates are read on, and the items.</summary>
public sealed record EvalSet(DateTimeOffset Clock, IReadOnlyList<EvalItem> Items)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record File(DateTimeOffset Clock, List<EvalItem> Items);

    /// <summary>Reads a set copied next to the test assembly (understanding-eval.json, understanding-holdout.json).</summary>
    public static EvalSet Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Understanding", name);
        var file = JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(path), Json)
                   ?? throw new InvalidDataException($"{name} is empty");
        return new EvalSet(file.Clock, file.Items);
    }
}
