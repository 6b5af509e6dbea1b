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

        services.AddCommand<NewOpportunityCommand>();
        services.AddCommand<OpportunityCommand>();
        services.AddCommand<MyOpportunitiesCommand>();
        services.AddCommand<AddPartCommand>();
        services.AddCommand<AdvanceCommand>();
        services.AddCommand<LoseCommand>();
        services.AddCommand<InquiryCommand>();
        services.AddCommand<PriceRequestCommand>();
        services.AddCommand<PriceCommand>();
        services.AddCommand<QuoteCommand>();
        services.AddCommand<QuotationCommand>();
        services.AddCommand<SampleCommand>();
        services.AddCommand<ShipSampleCommand>();
        services.AddCommand<ReceiveSampleCommand>();
        services.AddCommand<TestResultCommand>();
        services.AddCommand<OrderCommand>();
        services.AddCommand<ShipCommand>();
        services.AddCommand<InvoiceCommand>();
        services.AddCommand<PaymentCommand>();
        services.AddCommand<ReceivablesCommand>();
        services.AddCommand<TermsCommand>();
        services.AddCommand<RegisterCommand>();
        services.AddCommand<RegistrationResultCommand>();
        services.AddCommand<ApproveCommand>();
        services.AddCommand<RejectCommand>();
        services.AddCommand<RejectCommentCommand>();
        services.AddCommand<PendingApprovalsCommand>();
        services.AddCommand<FunnelCommand>();
        services.AddCommand<PayCommand>();
        services.AddActionHandler<QuoteDecisionHandler>();
        services.AddActionHandler<SampleDecisionHandler>();
        return services;
    }
}
