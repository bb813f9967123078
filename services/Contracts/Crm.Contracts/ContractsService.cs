using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
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
        return builder;
    }

    public static IEndpointRouteBuilder MapContractsService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts").WithGroupName(Name).WithTags("Contracts").RequireAuthorization(Policies.Staff);
        api.MapCustomerSnapshots<ContractsDbContext>();
        api.MapCreateContract();
        api.MapGetContract();
        api.MapSignContract();
        return app;
    }
}
