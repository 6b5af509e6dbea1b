using Zhonghan.Bot.Import;
using Zhonghan.Bot.Knowledge;
using Zhonghan.Bot.Reminders;
using Zhonghan.Bot.Sales;

namespace Zhonghan.Bot.Commands;

/// <summary>
/// The command table: every chat command, one line each, in the order help lists them within their section. A
/// command's words, who may use it and its typed parameters are its class's <see cref="ICommand.Spec"/>; adding a
/// command is its class and one line here (docs/commands.md). Help, the README's cheat sheet, typed buttons and
/// function calling all read this one table.
/// </summary>
public static class CommandList
{
    public static IServiceCollection AddCommands(this IServiceCollection services) => services
        .AddCommand<HelpCommand>()
        .AddCommand<CancelCommand>()
        .AddCommand<LeadCommand>()
        .AddCommand<FollowUpCommand>()
        .AddCommand<RescheduleCommand>()
        .AddCommand<MyLeadsCommand>()
        .AddCommand<TodayCommand>()
        .AddCommand<CustomerCommand>()
        .AddCommand<ContactCommand>()
        .AddCommand<PoolCommand>()
        .AddCommand<ClaimCommand>()
        .AddCommand<ReturnCommand>()
        .AddCommand<AddUserCommand>()
        .AddCommand<ImportLeadsCommand>()
        .AddCommand<BindTeamsCommand>()
        .AddCommand<NewOpportunityCommand>()
        .AddCommand<OpportunityCommand>()
        .AddCommand<MyOpportunitiesCommand>()
        .AddCommand<AddPartCommand>()
        .AddCommand<AdvanceCommand>()
        .AddCommand<LoseCommand>()
        .AddCommand<InquiryCommand>()
        .AddCommand<PriceRequestCommand>()
        .AddCommand<PriceCommand>()
        .AddCommand<QuoteCommand>()
        .AddCommand<QuotationCommand>()
        .AddCommand<SampleCommand>()
        .AddCommand<ShipSampleCommand>()
        .AddCommand<ReceiveSampleCommand>()
        .AddCommand<TestResultCommand>()
        .AddCommand<OrderCommand>()
        .AddCommand<ShipCommand>()
        .AddCommand<InvoiceCommand>()
        .AddCommand<PaymentCommand>()
        .AddCommand<ReceivablesCommand>()
        .AddCommand<TermsCommand>()
        .AddCommand<RegisterCommand>()
        .AddCommand<RegistrationResultCommand>()
        .AddCommand<ApproveCommand>()
        .AddCommand<RejectCommand>()
        .AddCommand<RejectCommentCommand>()
        .AddCommand<PendingApprovalsCommand>()
        .AddCommand<FunnelCommand>()
        .AddCommand<PayCommand>()
        .AddCommand<RemindCommand>()
        .AddCommand<MyRemindersCommand>()
        .AddCommand<CancelReminderCommand>()
        .AddCommand<ReassignCommand>()
        .AddCommand<DailyDigestCommand>()
        .AddCommand<WeeklyDigestCommand>()
        .AddCommand<KbCommand>();
}
