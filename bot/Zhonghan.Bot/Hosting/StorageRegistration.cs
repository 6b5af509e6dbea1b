using Zhonghan.Core.Storage;
using Zhonghan.Storage;
using Zhonghan.Storage.LiteDb;
using Zhonghan.Storage.PostgreSql;

namespace Zhonghan.Bot.Hosting;

public static class StorageRegistration
{
    /// <summary>
    /// The store: one <see cref="DocumentStore"/> for the app's life — LiteDB in the data folder by default, or
    /// PostgreSQL (<c>Zhonghan:Store=PostgreSql</c>, see <see cref="StoreSelection"/>) — and each aggregate's store
    /// interface from it. The log says which.
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var logs = sp.GetRequiredService<ILoggerFactory>();
            var log = logs.CreateLogger("Zhonghan.Storage");
            var started = sp.GetService<StartedStore>() ?? StartedStore.Open(sp.GetRequiredService<IConfiguration>());
            if (started is not null)
            {
                started.Engine.Progress = line => log.LogInformation("{Progress}", line);
                log.LogInformation("存储：{Engine}（{Where}）", started.Engine.Name, started.Engine.Describe());
                return new DocumentStore(started.Engine, logs);
            }
            // The data folder (its lock taken, the file checked) is the host's: the engine opens the file in it.
            var folder = sp.GetRequiredService<DataFolder>();
            var engine = LiteDbEngine.OpenFile(folder.DatabaseFile);
            engine.Progress = line => log.LogInformation("{Progress}", line);
            log.LogInformation("存储：{Engine}（{File}）", engine.Name, engine.FilePath);
            return new DocumentStore(engine, logs);
        });
        services.AddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<DocumentStore>().Engine;
            return engine is PostgreSqlEngine pg
                ? new StoreFacts(pg.CreatedSchema, $"{pg.Name} {pg.Describe()}")
                : new StoreFacts(!sp.GetRequiredService<DataFolder>().DatabaseExisted, $"{engine.Name} {(engine as LiteDbEngine)?.FilePath}");
        });
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStore>().Units);
        services.AddSingleton<IUnitOfWorkFactory>(sp => sp.GetRequiredService<DocumentStore>().Units);
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStore>().Customers);
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStore>().Users);
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStore>().Audit);
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStore>().Counters);
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStore>().Sales);
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStore>().Reminders);
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStore>().Conversations);
        services.AddSingleton(sp => sp.GetRequiredService<DocumentStore>().ChannelState);
        return services;
    }
}
