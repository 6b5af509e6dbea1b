namespace Zhonghan.Knowledge.AI;

/// <summary>Unit vectors by record id with the hash of the text they were made from; a small binary file.</summary>
internal sealed class VectorFile
{
    private readonly Dictionary<string, (string Hash, float[] Vector)> items = new(StringComparer.Ordinal);

    public int Count => items.Count;

    public bool Has(string id, string hash) => items.TryGetValue(id, out var v) && v.Hash == hash;

    public void Set(string id, string hash, float[] vector) => items[id] = (hash, vector);

    public void RemoveExcept(HashSet<string> keep)
    {
        foreach (var id in items.Keys.Where(id => !keep.Contains(id)).ToList()) items.Remove(id);
    }

    public IReadOnlyList<string> Nearest(float[] query, int n)
    {
        var best = new PriorityQueue<string, float>();
        foreach (var (id, (_, v)) in items)
        {
            if (v.Length != query.Length) continue;
            float dot = 0;
            for (var i = 0; i < v.Length; i++) dot += v[i] * query[i];
            best.Enqueue(id, dot);
            if (best.Count > n) best.Dequeue();
        }
        var result = new List<string>();
        while (best.Count > 0) result.Add(best.Dequeue());
        result.Reverse();
        return result;
    }

    public static VectorFile Load(string path)
    {
        var file = new VectorFile();
        if (!File.Exists(path)) return file;
        using var r = new BinaryReader(File.OpenRead(path));
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var id = r.ReadString();
            var hash = r.ReadString();
            var v = new float[r.ReadInt32()];
            for (var j = 0; j < v.Length; j++) v[j] = r.ReadSingle();
            file.items[id] = (hash, v);
        }
        return file;
    }

    public void Save(string path)
    {
        var tmp = path + ".tmp";
        using (var w = new BinaryWriter(File.Create(tmp)))
        {
            w.Write(items.Count);
            foreach (var (id, (hash, v)) in items)
            {
                w.Write(id);
                w.Write(hash);
                w.Write(v.Length);
                foreach (var x in v) w.Write(x);
            }
        }
        File.Move(tmp, path, overwrite: true);
    }
}
