using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.Customers.Features;

namespace Crm.Customers;

/// <summary>
/// The Customers service: the customer relationship cards and key persons, the A–E pipeline with its history, proposals,
/// funnel and planning, evaluations, credit, the audit log, CSV import/export, and the customers' service history.
/// </summary>
public static class CustomersService
{
    public const string Name = "customers";

    public static IHostApplicationBuilder AddCustomersService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CustomersDbContext, CustomersSqliteDbContext, CustomersPostgresDbContext, CustomersSqlServerDbContext>("Customers");
        builder.AddServiceOpenApi(Name);
        builder.AddConsumer<ContractSignedConsumer>($"{Name}-contract-signed");
        builder.AddDealerSales();
        builder.AddConsumer<GradeProposedConsumer>($"{Name}-grade-proposals");
        builder.AddConsumer<DeregistrationProposedConsumer>($"{Name}-deregistration-proposals");
        builder.AddServiceHistory();
        if (builder.Configuration.GetValue("Customers:SeedDemoData", false))
        {
            builder.Services.AddHostedService<SeedDemoCustomers>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapCustomersService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/customers").WithGroupName(Name).WithTags("Customers").RequireAuthorization(Policies.Staff);
        api.MapFunnel();
        api.MapAuditLog<CustomersDbContext>("GetCustomerAuditLog", "customer (or read its contact details)", typeof(AuditActions));
        api.MapImportExport();
        api.MapUnverifiedReport();
        api.MapRegisterCustomer();
        api.MapGetCustomer();
        api.MapListCustomers();
        api.MapUpdateCustomer();
        api.MapChangeGrade();
        api.MapGradeProposals();
        api.MapDeregistrationProposals();
        api.MapKeyPersons();
        api.MapCredit();
        api.MapEvaluations();
        api.MapServiceHistory();
        api.MapDealerSales();
        api.MapResync();
        return app;
    }
}
