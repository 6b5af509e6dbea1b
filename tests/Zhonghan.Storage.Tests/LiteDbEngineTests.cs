using Zhonghan.Storage.Documents;
using Zhonghan.Storage.LiteDb;

namespace Zhonghan.Storage.Tests;

public sealed class LiteDbOnAStreamTests : DocumentEngineContract
{
    private readonly MemoryStream stream = new();
    protected override IDocumentEngine Open() => LiteDbEngine.OpenStream(stream);
}

public sealed class LiteDbOnAFileTests : DocumentEngineContract
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "zh-engine-" + Guid.NewGuid().ToString("N")[..8]);
    protected override IDocumentEngine Open() => LiteDbEngine.OpenFolder(dir);

    [Fact]
    public void NumberingContinuesAfterReopeningTheFile()
    {
        var last = Insert("a").Id;
        Engine.Dispose();
        using var again = LiteDbEngine.OpenFolder(dir);
        again.EnsureSchema([Thing.Set]);
        Assert.Equal(last + 1, again.NextId(Thing.Set));
    }

    [Fact]
    public void ASecondOpenOfTheSameFolderIsRefused()
    {
        _ = Engine;
        var e = Assert.Throws<DataFolderBusyException>(() => LiteDbEngine.OpenFolder(dir));
        Assert.Contains("正被另一个众韩机器人进程使用", e.Message);
    }

    public override void Dispose()
    {
        base.Dispose();
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
