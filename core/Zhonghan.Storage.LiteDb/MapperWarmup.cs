using System.Collections;
using System.Runtime.CompilerServices;
using System.Reflection;
using LiteDB;

namespace Zhonghan.Storage.LiteDb;

/// <summary>
/// Builds LiteDB's entity mappers for a document type and every type it contains, before any thread uses them.
/// LiteDB 5 publishes a type's mapper before filling it in, so two threads serializing a new type at the same time
/// can meet a half-built mapper ("Collection was modified"); building them up front, once, under a lock avoids it.
/// </summary>
internal static class MapperWarmup
{
    private static readonly MethodInfo EntityMethod = typeof(BsonMapper).GetMethod(nameof(BsonMapper.Entity))!;
    private static readonly ConditionalWeakTable<BsonMapper, HashSet<Type>> Done = new();

    public static void Warm(BsonMapper mapper, Type root)
    {
        var done = Done.GetOrCreateValue(mapper);
        lock (done)
        {
            var pending = new Stack<Type>([root]);
            while (pending.TryPop(out var type))
            {
                if (!IsEntity(type) || !done.Add(type)) continue;
                EntityMethod.MakeGenericMethod(type).Invoke(mapper, null);
                foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    foreach (var inner in Contained(p.PropertyType)) pending.Push(inner);
            }
        }
    }

    private static IEnumerable<Type> Contained(Type t)
    {
        yield return Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsArray) yield return t.GetElementType()!;
        if (t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t))
            foreach (var a in t.GetGenericArguments()) yield return a;
    }

    /// <summary>Our own document classes (not strings, collections, BCL or LiteDB types).</summary>
    private static bool IsEntity(Type t) =>
        t.IsClass && !t.IsAbstract && t != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(t)
        && t.Namespace?.StartsWith("Zhonghan", StringComparison.Ordinal) == true && t.GetConstructor(Type.EmptyTypes) is not null;
}
