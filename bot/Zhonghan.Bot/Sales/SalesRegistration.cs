using Microsoft.Extensions.Options;
using Zhonghan.Bot.Commands;
using Zhonghan.Bot.Hosting;
using Zhonghan.Core.Sales;

namespace Zhonghan.Bot.Sales;

public static class SalesRegistration
{
    /// <summary>Opportunities, quotes and approvals, samples, orders, receivables, pay and the funnel, with their commands.</summary>
    public static IServiceCollection AddSales(this IServiceCollection services)
    {
        services.AddOptions<SalesOptions>().BindConfiguration("Sales")
            .Validate(o => o.DefaultPaymentTermDays is >= 0 and <= 365 && o.Pay.CommissionRate is >= 0 and < 1, "Sales settings out of range.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SalesOptions>>().Value);
        services.AddSingleton<StageGates>();
        services.AddSingleton<ApprovalRouting>();
        services.AddSingleton<OpportunityService>();
        services.AddSingleton<OpportunityFinder>();
        services.AddSingleton<QuoteService>();
        services.AddSingleton<QuoteApprovals>();
        services.AddSingleton<SampleService>();
        services.AddSingleton<OrderService>();
        services.AddSingleton<Receivables>();
        services.AddSingleton<PayService>();
        services.AddSingleton<FunnelService>();
        services.AddSingleton<OpportunityCards>();
        services.AddSingleton<IEntityResolver, OpportunityResolver>();
        services.AddSingleton<GateAnswers>();

        services.AddActionHandler<QuoteDecisionHandler>();
        services.AddActionHandler<SampleDecisionHandler>();
        return services;
    }
}
