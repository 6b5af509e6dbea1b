namespace Zhonghan.Bot.Commands;

/// <summary>A command word found at the start of a message.</summary>
public sealed record CommandMatch(Command Command, string Rest, bool English);

/// <summary>
/// All commands and their words. Matching: the longest name or alias that starts the text, followed by a space,
/// a colon (新建线索：立讯精密), a final question mark (今日待办？) or the end; a Chinese name may also be glued to its
/// argument (客户汇川) when <c>allowGlued</c>.
/// </summary>
public sealed class CommandTable
{
    private readonly (string Word, Command Command, bool English)[] words;

    public CommandTable(IEnumerable<Command> commands)
    {
        All = commands.ToList();
        var duplicates = All.SelectMany(c => new[] { c.Name }.Concat(c.Aliases))
            .GroupBy(w => w.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) throw new InvalidOperationException("Command words used twice: " + string.Join(", ", duplicates));
        words = All
            .SelectMany(c => new[] { (c.Name, c, false) }.Concat(c.Aliases.Select(a => (a, c, IsAscii(a)))))
            .OrderByDescending(w => w.Item1.Length)
            .ToArray();
    }

    public IReadOnlyList<Command> All { get; }

    public Command? ByName(string name) => All.FirstOrDefault(c => c.Name == name);

    public CommandMatch? Match(string text, bool allowGlued = true)
    {
        text = text.Trim();
        foreach (var (word, command, english) in words)
        {
            if (!text.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = text[word.Length..];
            if (rest.Length == 0 || Tokens.IsSpace(rest[0]))
                return new CommandMatch(command, rest.Trim(), english);
            if (rest[0] is ':' or '：')
                return new CommandMatch(command, rest[1..].Trim(), english);
            if (rest.TrimEnd().TrimEnd('?', '？').Length == 0)
                return new CommandMatch(command, "", english);
            if (allowGlued && !english && word.Length >= 2 && command.Params.Count > 0 && !char.IsAsciiLetterOrDigit(word[^1]) && IsGlueable(rest[0]))
                return new CommandMatch(command, rest.Trim(), english);
        }
        return null;
    }

    // "客户汇川" glues (only for commands that take a value); "客户说下周再谈" must not, so some words never start a name.
    private static bool IsGlueable(char c) => c is not ('说' or '的' or '了' or '要' or '在' or '是' or '也' or '都' or '还' or '，' or ',' or '。');

    private static bool IsAscii(string s) => s.All(char.IsAscii);
}
