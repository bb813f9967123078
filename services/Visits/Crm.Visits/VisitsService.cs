using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Security;
using Crm.Visits.Data;

namespace Crm.Visits;

/// <summary>The Visits service: visit plans, routes, visits and their reports, for the customers it knows from Customers' events.</summary>
public static class VisitsService
{
    public const string Name = "visits";

    public static IHostApplicationBuilder AddVisitsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<VisitsDbContext, VisitsSqliteDbContext, VisitsPostgresDbContext, VisitsSqlServerDbContext>("Visits");
        builder.AddServiceOpenApi(Name);
        builder.AddCustomerSnapshots<VisitsDbContext>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapVisitsService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/visits").WithGroupName(Name).WithTags("Visits").RequireAuthorization(Policies.Staff);
        api.MapCustomerSnapshots<VisitsDbContext>();
        return app;
    }
}
