using System.ClientModel;
using System.ClientModel.Primitives;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;
using Zhonghan.Knowledge.Index;

namespace Zhonghan.Knowledge.AI;

/// <summary>
/// Record embeddings from the configured embedding model, kept in <c>vectors.bin</c> beside the index and searched
/// by brute-force cosine (fine for a distributor's catalogue plus documents; see docs/knowledge.md for limits).
/// Only active when <c>AI:EmbeddingModel</c> is set; <see cref="SyncAsync"/> embeds what an import added.
/// </summary>
public sealed class EmbeddingVectors(
    IOptions<AiOptions> options, KnowledgeIndex index, IHttpClientFactory http, ILogger<EmbeddingVectors> log) : IVectorSearch
{
    private const int Batch = 64;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> generator = new(() => Build(options.Value, http.CreateClient(SemanticKernelAi.HttpClientName)));
    private VectorFile? vectors;

    public bool IsEnabled => options.Value.EmbeddingsEnabled;
    private string FilePath => Path.Combine(index.Folder, "vectors.bin");

    public async Task<IReadOnlyList<string>> NearestAsync(string query, int n, CancellationToken ct)
    {
        var file = vectors ??= VectorFile.Load(FilePath);
        if (file.Count == 0) return [];
        try
        {
            var q = Normalise((await generator.Value.GenerateAsync([query], cancellationToken: ct))[0].Vector.ToArray());
            return file.Nearest(q, n);
        }
        catch (Exception e) when (e is HttpRequestException or ClientResultException or HttpOperationException)
        {
            log.LogWarning(e, "Query embedding failed; searching by words only");
            return [];
        }
    }

    /// <summary>Embeds records that are new or changed since the last sync and forgets removed ones.</summary>
    public async Task<int> SyncAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        if (!IsEnabled) return 0;
        await gate.WaitAsync(ct);
        try
        {
            var file = vectors ?? VectorFile.Load(FilePath);
            var wanted = index.All().ToDictionary(r => r.Id, r => (Text: Analysis.IndexedText(r), Hash: Hash(Analysis.IndexedText(r))));
            file.RemoveExcept(wanted.Keys.ToHashSet());
            var todo = wanted.Where(kv => !file.Has(kv.Key, kv.Value.Hash)).ToList();
            for (var i = 0; i < todo.Count; i += Batch)
            {
                var batch = todo.Skip(i).Take(Batch).ToList();
                var embedded = await generator.Value.GenerateAsync(batch.Select(b => b.Value.Text), cancellationToken: ct);
                for (var j = 0; j < batch.Count; j++) file.Set(batch[j].Key, batch[j].Value.Hash, Normalise(embedded[j].Vector.ToArray()));
                progress?.Report((Math.Min(i + Batch, todo.Count), todo.Count));
            }
            file.Save(FilePath);
            vectors = file;
            return todo.Count;
        }
        finally { gate.Release(); }
    }

    private static float[] Normalise(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    private static string Hash(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..16];

#pragma warning disable SKEXP0010 // the embedding-generator registrations are experimental in SK 1.82; the old ones are obsolete
    private static IEmbeddingGenerator<string, Embedding<float>> Build(AiOptions o, HttpClient httpClient)
    {
        var builder = Kernel.CreateBuilder();
        if (o.IsAzure)
            builder.AddAzureOpenAIEmbeddingGenerator(o.EmbeddingModel!, o.Endpoint!, o.ApiKey!, httpClient: httpClient);
        else
        {
            var clientOptions = new OpenAIClientOptions { Transport = new HttpClientPipelineTransport(httpClient) };
            if (!string.IsNullOrWhiteSpace(o.Endpoint)) clientOptions.Endpoint = new Uri(o.Endpoint);
            builder.AddOpenAIEmbeddingGenerator(o.EmbeddingModel!, new OpenAIClient(new ApiKeyCredential(o.ApiKey!), clientOptions));
        }
        return builder.Build().GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
    }
#pragma warning restore SKEXP0010
}
