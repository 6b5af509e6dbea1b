using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Commands;

/// <summary>A command's line in the table, and its class.</summary>
public sealed record CatalogEntry(CommandSpec Spec, Type Type);

/// <summary>A command word found at the start of a message.</summary>
public sealed record CommandMatch(CatalogEntry Entry, string Rest, bool English);

/// <summary>
/// The command table: every command's line (see <see cref="CommandList"/>), found by word, id, class or the action it
/// serves. It words the core's typed buttons and hints (<see cref="ICommandWords"/>) and builds no command, so core
/// services may depend on it. Matching: the longest word that starts the text, followed by a space, a colon
/// (新建线索：立讯精密), a final question mark (今日待办？) or the end; a Chinese word may also be glued to its value
/// (客户汇川) when <c>allowGlued</c>.
/// </summary>
public sealed class CommandCatalog : ICommandWords
{
    private readonly List<CatalogEntry> entries = [];
    private (string Word, CatalogEntry Entry, bool English)[] words = [];

    public IReadOnlyList<CatalogEntry> All => entries;

    public void Add(CatalogEntry entry)
    {
        var taken = words.Select(w => w.Word.ToLowerInvariant()).ToHashSet();
        var twice = new[] { entry.Spec.Word }.Concat(entry.Spec.Aliases).Where(w => !taken.Add(w.ToLowerInvariant())).ToList();
        if (twice.Count > 0 || ById(entry.Spec.Id) is not null)
            throw new InvalidOperationException($"Command {entry.Spec.Id}: words or id used twice: {string.Join(", ", twice)}");
        entries.Add(entry);
        words = entries
            .SelectMany(e => new[] { (e.Spec.Word, e, false) }.Concat(e.Spec.Aliases.Select(a => (a, e, CommandSpec.IsAscii(a)))))
            .OrderByDescending(w => w.Item1.Length)
            .ToArray();
    }

    public CatalogEntry? ById(string id) => entries.FirstOrDefault(e => e.Spec.Id == id);

    public CatalogEntry Of(Type type) => entries.FirstOrDefault(e => e.Type == type) ?? throw new InvalidOperationException($"{type.Name} is not in the command table.");

    public CatalogEntry For(ActionKind kind) =>
        entries.FirstOrDefault(e => e.Spec.Serves == kind) ?? throw new InvalidOperationException($"No command serves {kind}.");

    public CommandMatch? Match(string text, bool allowGlued = true)
    {
        text = text.Trim();
        foreach (var (word, entry, english) in words)
        {
            if (!text.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = text[word.Length..];
            if (rest.Length == 0 || Tokenizer.IsSpace(rest[0]))
                return new CommandMatch(entry, rest.Trim(), english);
            if (rest[0] is ':' or '：')
                return new CommandMatch(entry, rest[1..].Trim(), english);
            if (rest.TrimEnd().TrimEnd('?', '？').Length == 0)
                return new CommandMatch(entry, "", english);
            if (allowGlued && !english && word.Length >= 2 && entry.Spec.Params.Any(p => !p.Hidden) && !char.IsAsciiLetterOrDigit(word[^1]) && IsGlueable(rest[0]))
                return new CommandMatch(entry, rest.Trim(), english);
        }
        return null;
    }

    // "客户汇川" glues (only for commands that take a value); "客户说下周再谈" must not, so some words never start a name.
    private static bool IsGlueable(char c) => c is not ('说' or '的' or '了' or '要' or '在' or '是' or '也' or '都' or '还' or '，' or ',' or '。');

    public string Word(ActionKind kind, bool english = false) => english ? For(kind).Spec.English : For(kind).Spec.Word;

    public string Text(CommandIntent intent)
    {
        var spec = For(intent.Kind).Spec;
        return string.Join(" ", new[] { spec.Word }.Concat(Arguments(spec, intent).OfType<string>()));
    }

    public string Usage(CommandIntent intent, bool optional = false, bool english = false)
    {
        var spec = For(intent.Kind).Spec;
        var shown = spec.Params.Where(p => !p.Hidden).Zip(Arguments(spec, intent))
            .Select(x => x.Second ?? (x.First.Required || optional ? x.First.Usage(english) : null));
        return string.Join(" ", new[] { english ? spec.English : spec.Word }.Concat(shown.OfType<string>()));
    }

    /// <summary>Each shown parameter's value from the intent, by type (null when the intent does not give it).</summary>
    private static IEnumerable<string?> Arguments(CommandSpec spec, CommandIntent intent)
    {
        var textUsed = false;
        foreach (var p in spec.Params.Where(p => !p.Hidden))
        {
            switch (p.Kind)
            {
                case ParamKind.Company: yield return intent.Customer is int c ? $"#{c}" : null; break;
                case ParamKind.Opportunity: yield return intent.Opportunity is int o ? $"#{o}" : null; break;
                case ParamKind.Code: yield return intent.Document?.ToString(); break;
                case ParamKind.Date: yield return intent.When; break;
                default:
                    // The intent's text goes to the first value of any other kind (a stage, a page, a part, a result).
                    yield return textUsed ? null : intent.Text;
                    textUsed = true;
                    break;
            }
        }
    }
}
