using Zhonghan.Core.Conversations;

namespace Zhonghan.Bot.Commands;

public static class CommandRegistration
{
    /// <summary>Adds a command: its line to the table (from its class's <see cref="ICommand.Spec"/>) and the command itself.</summary>
    public static IServiceCollection AddCommand<T>(this IServiceCollection services) where T : Command, ICommand
    {
        CatalogOf(services).Add(new CatalogEntry(T.Spec, typeof(T)));
        services.AddSingleton<T>();
        services.AddSingleton<Command>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>The one table of the container, made on first use (it needs nothing, so the core may depend on its words).</summary>
    private static CommandCatalog CatalogOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(CommandCatalog))?.ImplementationInstance is CommandCatalog existing) return existing;
        var catalog = new CommandCatalog();
        services.AddSingleton(catalog);
        services.AddSingleton<ICommandWords>(catalog);
        return catalog;
    }
}
