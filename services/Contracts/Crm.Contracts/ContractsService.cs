using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;

namespace Crm.Contracts;

/// <summary>The Contracts service: contracts, their approval and signing, and the sales plans that follow.</summary>
public static class ContractsService
{
    public const string Name = "contracts";

    public static IHostApplicationBuilder AddContractsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ContractsDbContext, ContractsSqliteDbContext, ContractsPostgresDbContext, ContractsSqlServerDbContext>("Contracts");
        builder.AddServiceOpenApi(Name);
        builder.AddCustomerSnapshots<ContractsDbContext>(Name);
        builder.Services.AddOptions<ContractsOptions>().BindConfiguration("Contracts").ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Contracts:TimeZone must be an IANA time zone id, such as Asia/Shanghai.")
            .Validate(o => o.ReminderDays.All(d => d is >= 1 and <= 365), "Contracts:ReminderDays are days before a contract's end, from 1 to 365.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ContractCalendar>();
        builder.Services.AddHostedService<ContractCalendarService>();
        if (builder.Configuration.GetValue("Contracts:SeedDemoData", false))
        {
            builder.Services.AddHostedService<SeedDemoContracts>();
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapContractsService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts").WithGroupName(Name).WithTags("Contracts").RequireAuthorization(Policies.Staff);
        api.MapCustomerSnapshots<ContractsDbContext>();
        api.MapCatalogue();
        api.MapApprovalRules();
        api.MapCreateContract();
        api.MapGetContract();
        api.MapReviseContract();
        api.MapSubmitContract();
        api.MapDecideContract();
        api.MapSignContract();
        api.MapTerminateContract();
        api.MapRenewals();
        api.MapSalesPlans();
        api.MapSalesRecords();
        api.MapSalesPerformance();
        api.MapCrossRegionControl();
        api.MapRebates();
        api.MapAuditLog<ContractsDbContext>("GetContractAuditLog", "contract (or dealer's month of sales)", typeof(AuditActions));
        return app;
    }
}
