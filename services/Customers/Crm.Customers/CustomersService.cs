using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Crm.Customers.Data;
using Crm.Customers.Features;

namespace Crm.Customers;

/// <summary>The Customers service: the customer database, its pipeline grades and their history.</summary>
public static class CustomersService
{
    public const string Name = "customers";

    public static IHostApplicationBuilder AddCustomersService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CustomersDbContext, CustomersSqliteDbContext, CustomersPostgresDbContext, CustomersSqlServerDbContext>("Customers");
        builder.AddServiceOpenApi(Name);
        builder.AddConsumer<ContractSignedConsumer>($"{Name}-contract-signed");
        if (builder.Configuration.GetValue("Customers:SeedDemoData", false))
        {
            builder.Services.AddHostedService<SeedDemoCustomers>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapCustomersService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/customers").WithGroupName(Name).WithTags("Customers");
        api.MapRegisterCustomer();
        api.MapGetCustomer();
        api.MapListCustomers();
        api.MapUpdateCustomer();
        api.MapChangeGrade();
        return app;
    }
}
