using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Zhonghan.Bot.Commands;
using Zhonghan.Bot.LocalChat;
using Zhonghan.Bot.Pipeline;
using Zhonghan.Core.Conversations;
using Zhonghan.Core.Customers;
using Zhonghan.Core.Import;
using Zhonghan.Core.People;
using Zhonghan.Core.Pool;
using Zhonghan.Core.Security;
using Zhonghan.Core.Storage;

namespace Zhonghan.Bot.Hosting;

public static class ServiceRegistration
{
    /// <summary>The CRM core on the LiteDB file in the data folder, with the pool rules from "Pool".</summary>
    public static IServiceCollection AddCrmCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section);
        services.AddOptions<PoolRules>().BindConfiguration("Pool")
            .Validate(r => r.DailyClaimLimit >= 0 && r.MaxPrivatePerRep >= 0 && r.ReclaimCooldownDays >= 0
                           && r.AutoReturnDays >= 0 && r.WarningDaysBefore >= 0, "Pool settings must not be negative.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PoolRules>>().Value);
        services.AddStore();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<CustomerFinder>();
        services.AddSingleton<PoolService>();
        services.AddSingleton<AddressBook>();
        services.AddSingleton<ExternalContacts>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<ImportOwners>();
        services.AddSingleton<LeadImporter>();
        services.AddSingleton<Import.LeadImportRunner>();
        return services;
    }

    /// <summary>The turn pipeline (the <see cref="IBot"/> channels call), its routes and the chat commands, the shared channel work, and the local channel.</summary>
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.AddCommands();
        services.AddSingleton<HelpText>();
        services.AddSingleton<CommandQuestions>();
        services.AddSingleton<DialogStore>();
        services.AddSingleton<TurnInbox>();
        services.AddSingleton<Retention>();
        services.AddSingleton<ActionTokens>();
        services.AddSingleton<IEntityResolver, CustomerResolver>();
        services.AddSingleton<CustomerCards>();
        services.TryAddSingleton<ICustomerDesk, PlaceholderCustomerDesk>();
        services.AddSingleton<CustomerTurns>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<TurnPipeline>());
        services.AddSingleton<ChannelWork>();
        services.AddSingleton<LogThrottle>();

        services.AddRoute<WelcomeRoute>();
        services.AddRoute<CardActionRoute>();
        services.AddRoute<DialogRoute>();
        services.AddRoute<CommandRoute>();


        services.AddLocalChat();
        return services;
    }

    /// <summary>Registers a route (as itself and in the route table; the table is ordered by <see cref="IRoute.Order"/>).</summary>
    public static IServiceCollection AddRoute<T>(this IServiceCollection services) where T : class, IRoute
    {
        services.AddSingleton<T>();
        services.AddSingleton<IRoute>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>Registers a card-action handler for one kind of action token.</summary>
    public static IServiceCollection AddActionHandler<T>(this IServiceCollection services) where T : class, IActionHandler
    {
        services.AddSingleton<T>();
        services.AddSingleton<IActionHandler>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
