using Zhonghan.Storage.Documents;

namespace Zhonghan.Storage.Tests;

/// <summary>A small document type for the engine contract: a numbered thing with a name, an owner, tags and a time.</summary>
public sealed class Thing
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int Owner { get; set; }
    public List<string> Tags { get; set; } = new();
    public DateTime At { get; set; }
    public string? Code { get; set; }

    public static readonly DocSet<Thing> Set = new("things", IdKind.Int32, t => t.Id, (t, id) => t.Id = (int)id,
        IndexDef<Thing>.On("Name", t => t.Name),
        IndexDef<Thing>.On("OwnerAt", t => Keys.Join(Keys.Int(t.Owner), Keys.Time(t.At))),
        IndexDef<Thing>.OnEach("Tag", t => t.Tags),
        IndexDef<Thing>.On("Code", t => t.Code, unique: true));
}

public sealed class Note
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";

    public static readonly DocSet<Note> Set = new("notes", IdKind.String, n => n.Id, null);
}
