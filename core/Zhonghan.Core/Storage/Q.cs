using LiteDB;

namespace Zhonghan.Core.Storage;

/// <summary>
/// Parameterized query expressions. LiteDB's <c>Query.EQ/Between/…</c> format the value into the expression text,
/// so every distinct value compiles a new delegate (milliseconds each) into a static cache that is never emptied
/// (LiteDB issues #1688, #2421). These keep one text per field and pass values as parameters. Use them (or LINQ)
/// for every query; a test forbids the literal-value Query helpers in the product code.
/// </summary>
public static class Q
{
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    public static BsonExpression Between(string field, BsonValue low, BsonValue high) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", low, high);

    public static BsonExpression Gt(string field, BsonValue value) => BsonExpression.Create($"$.{field} > @0", value);

    public static BsonExpression Lt(string field, BsonValue value) => BsonExpression.Create($"$.{field} < @0", value);

    /// <summary>Strings starting with <paramref name="prefix"/> (an index range). LIKE wildcards in it are matched literally.</summary>
    public static BsonExpression StartsWith(string field, string prefix) =>
        BsonExpression.Create($"$.{field} LIKE @0", prefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");

    /// <summary>Arrays (multikey index over <c>$.field[*]</c>) holding the value.</summary>
    public static BsonExpression Any(string field, BsonValue value) => BsonExpression.Create($"$.{field}[*] ANY = @0", value);
}
